/** The audit log: who changed what and when, readable by people and never edited. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.csotracker.audit;
