package org.csotracker.hiring;

import java.time.Duration;
import java.time.Instant;

/** A candidate's card on the pipeline board and in lists. */
public record CandidateSummary(Long id, String name, String email, HiringStage stage, String stageTitle,
                               Instant stageEnteredAt, long daysInStage, Instant dueAt, boolean overdue,
                               boolean escalated, Integer desiredScore, String district, Instant appliedAt) {

    static CandidateSummary of(Candidate c, Instant now) {
        return new CandidateSummary(c.getId(), c.getFullName(), c.getEmail(), c.getStage(), c.getStage().title(),
                c.getStageEnteredAt(), Duration.between(c.getStageEnteredAt(), now).toDays(), c.getDueAt(),
                c.isOverdue(now), c.isEscalated(), c.getDesiredScore(),
                c.getOfferDistrict() != null ? c.getOfferDistrict() : c.getDistrictPreference(), c.getAppliedAt());
    }
}
