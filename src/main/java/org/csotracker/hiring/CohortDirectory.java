package org.csotracker.hiring;

import java.util.List;

/**
 * The academy cohorts an offer can name. Implemented by the academy module, so hiring does not
 * depend on it; when no academy is present an offer names no cohort.
 */
public interface CohortDirectory {

    /** Cohorts that can still take recruits, soonest first. */
    List<CohortChoice> openCohorts();

    boolean isOpen(Long cohortId);

    record CohortChoice(Long id, String name, java.time.LocalDate startDate) {
    }
}
