package org.csotracker.hiring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What HR records at each gate. Each record is the body of one {@code /api/candidates/{id}/<step>} call. */
public final class Steps {

    private Steps() {
    }

    /** Screening: pass, or reject with a reason code. */
    public record Screening(@NotNull Boolean passed, RejectionReason reasonCode, @Size(max = 2000) String note) {
    }

    /** Background check: clear or not clear. Not clear ends the case. */
    public record BackgroundCheck(@NotNull Boolean clear, @Size(max = 2000) String note) {
    }

    /** The interview panel's score (0-100) and recommendation. */
    public record Interview(@NotNull @Min(0) @Max(100) Integer panelScore, @NotNull InterviewRecommendation recommendation,
                            @Size(max = 200) String panel, @Size(max = 2000) String note) {
    }

    /** The bargaining unit's review; an objection needs a note. */
    public record UnionVetting(@NotNull Boolean approved, @Size(max = 100) String union, @Size(max = 2000) String note) {
    }

    /** HR's decision after a union objection. */
    public record ObjectionResolution(@NotNull ObjectionDecision decision, @NotBlank @Size(max = 2000) String note) {
    }

    /** The candidate's answer to the offer. */
    public record OfferResponse(@NotNull Boolean accepted, @Size(max = 2000) String note) {
    }

    /** The candidate withdraws; the reason is what they said. */
    public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }
}
