package org.csotracker.academy;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A module result as a coordinator records it. Pass or fail is derived, never entered. */
public record ResultEntry(
        @NotNull @Min(0) @Max(100) Integer score,
        @NotNull @DecimalMin("0") @DecimalMax("400") BigDecimal hoursAttended,
        @NotNull LocalDate assessedOn,
        @NotBlank @Size(max = 100) String instructor,
        Boolean practicalPassed,
        @Size(max = 2000) String notes) {
}
