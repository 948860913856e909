package org.csotracker.certification;

/** Continuing education counts once approved. Coordinators' entries are approved at once. */
public enum CeStatus {
    APPROVED, PENDING, REJECTED
}
