package org.csotracker.people;

/** What a user may do. A person may hold several roles. */
public enum Role {
    /** Moves candidates through hiring. */
    HR,
    /** Runs cohorts, records module results and continuing education. */
    COORDINATOR,
    /** A Community Service Officer: sees only their own records. */
    CSO,
    /** Sees their unit's readiness. */
    SUPERVISOR,
    /** Administers users, the module catalog and the workflow engine. */
    ADMIN
}
