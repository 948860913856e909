package org.csotracker.academy;

/** A recruit's enrollment in one cohort. */
public enum RecruitStatus {
    ENROLLED, COMPLETED, DISMISSED, WITHDRAWN,
    /** Moved to a later cohort; a new enrollment continues there with the passed modules kept. */
    MOVED
}
