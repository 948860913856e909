package org.csotracker.academy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a coordinator sets for a module; a change creates the module's next version. */
public record ModuleDefinition(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @NotNull @Min(1) @Max(400) Integer hours,
        @NotNull @Min(1) @Max(8) Integer weekFrom,
        @NotNull @Min(1) @Max(8) Integer weekTo,
        @NotNull @Min(0) @Max(100) Integer passingScore,
        @NotNull Boolean practicalRequired,
        @NotNull Boolean active) {

    @AssertTrue(message = "weekTo must not be before weekFrom")
    public boolean isWeekRangeValid() {
        return weekFrom == null || weekTo == null || weekTo >= weekFrom;
    }
}
