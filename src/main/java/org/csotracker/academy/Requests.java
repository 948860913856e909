package org.csotracker.academy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What coordinators send: new modules, cohorts, enrollments, remediation plans, bulk results. */
public final class Requests {

    private Requests() {
    }

    public record NewModule(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "use capital letters, digits and -") String code,
                            @NotNull @Valid ModuleDefinition definition) {
    }

    public record NewCohort(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startDate,
                            @NotNull @Min(1) @Max(200) Integer capacity, @NotBlank @Size(max = 60) String coordinator,
                            @Size(max = 200) String location, @Valid List<@NotNull ScheduleLine> schedule) {
    }

    /** A module in a week; without a schedule the cohort follows the catalog's weeks. */
    public record ScheduleLine(@NotNull @Min(1) @Max(8) Integer week, @NotBlank String moduleCode,
                               @Size(max = 100) String instructor, @Size(max = 200) String location) {
    }

    public record Enrollment(@NotNull Long officerId) {
    }

    public record RemediationPlan(@NotBlank @Size(max = 2000) String plan, @NotNull LocalDate dueDate) {
    }

    public record Move(@NotNull Long cohortId, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    /** One row of a bulk entry: the officer by id or employee number, and their result. */
    public record BulkRow(Long officerId, @Size(max = 20) String employeeNumber,
                          @NotNull @Min(0) @Max(100) Integer score,
                          @NotNull @DecimalMin("0") @DecimalMax("400") BigDecimal hoursAttended,
                          @NotNull LocalDate assessedOn, @NotBlank @Size(max = 100) String instructor,
                          Boolean practicalPassed, @Size(max = 2000) String notes) {

        ResultEntry entry() {
            return new ResultEntry(score, hoursAttended, assessedOn, instructor, practicalPassed, notes);
        }
    }

    /** Rows are checked by the academy, not here, so that every bad row is reported at once. */
    public record BulkResults(@NotBlank String moduleCode, @NotEmpty @Size(max = 2000) List<@NotNull BulkRow> rows) {
    }

    /** What a bulk entry did: new results, rows already recorded identically, and how many passed. */
    public record BulkOutcome(int recorded, int unchanged, int passed, int failed) {
    }
}
