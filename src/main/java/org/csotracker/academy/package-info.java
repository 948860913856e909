/** The 8-week academy: module catalog, cohorts and module results. */
@org.springframework.modulith.ApplicationModule(displayName = "Academy")
package org.csotracker.academy;
