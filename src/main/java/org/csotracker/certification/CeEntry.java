package org.csotracker.certification;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A continuing-education course or session. */
public record CeEntry(
        @NotBlank @Pattern(regexp = "[A-Z_]{2,40}", message = "{csotracker.validation.category}") String category,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 200) String provider,
        @NotNull @DecimalMin(value = "0.5", message = "{csotracker.validation.hours}") @DecimalMax("200") BigDecimal hours,
        @NotNull LocalDate completedOn) {
}
