/** Who may do what: logins, the access rule table, and single sign-on into Camunda's web apps. */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.csotracker.security;
