/** People: officers (hired CSOs) and the logins of everyone who uses the system. */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.csotracker.people;
