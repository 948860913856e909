package org.csotracker.hiring;

import java.time.LocalDate;

/** A candidate accepted their offer and is now an officer; the academy takes over. */
public record CandidateHired(Long candidateId, Long officerId, Long cohortId, LocalDate startDate) {
}
