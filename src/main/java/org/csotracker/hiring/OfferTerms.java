package org.csotracker.hiring;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.ShiftPattern;

/**
 * A conditional offer: when the recruit starts, which academy cohort, the assignment they will have
 * once hired, and until when they may answer (default: the configured response time).
 */
public record OfferTerms(
        @NotNull LocalDate startDate,
        Long cohortId,
        OffsetDateTime deadline,
        @NotBlank @Size(max = 60) String district,
        @NotBlank @Size(max = 60) String supervisor,
        @NotNull ShiftPattern shiftPattern,
        @NotNull ProgramComponent programComponent) {
}
