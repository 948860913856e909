package org.csotracker.people;

/** Where an officer stands in the program. */
public enum OfficerStatus {
    /** Hired, waiting for an academy cohort. */
    HIRED,
    IN_ACADEMY,
    /** Failed a module twice: the academy ended for this recruit. */
    DISMISSED,
    /** Left the academy of their own accord. */
    WITHDRAWN,
    /** Completed the academy and holds (or held) a certification. */
    CERTIFIED,
    SEPARATED
}
