package org.csotracker.academy.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyReports;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.ModuleDefinition;
import org.csotracker.academy.ModuleResult;
import org.csotracker.academy.Remediation;
import org.csotracker.academy.Requests;
import org.csotracker.academy.ResultEntry;
import org.csotracker.academy.TrainingModule;
import org.csotracker.security.OfficerAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The academy API for training coordinators (and, for transcripts, whoever may see the officer). */
@RestController
@Validated
@Tag(name = "Academy")
class AcademyApi {

    private final Academy academy;
    private final AcademyReports reports;
    private final OfficerAccess access;
    private final ResultsCsv csv;

    AcademyApi(Academy academy, AcademyReports reports, OfficerAccess access, ResultsCsv csv) {
        this.academy = academy;
        this.reports = reports;
        this.access = access;
        this.csv = csv;
    }

    record ModuleView(String code, int version, String title, String description, int hours, int weekFrom, int weekTo,
                      int passingScore, boolean practicalRequired, boolean active) {
        static ModuleView of(TrainingModule m) {
            return new ModuleView(m.getCode(), m.getVersion(), m.getTitle(), m.getDescription(), m.getHours(),
                    m.getWeekFrom(), m.getWeekTo(), m.getPassingScore(), m.isPracticalRequired(), m.isActive());
        }
    }

    record CohortView(Long id, String name, LocalDate startDate, LocalDate endDate, int capacity, String coordinator,
                      String location) {
        static CohortView of(Cohort c) {
            return new CohortView(c.getId(), c.getName(), c.getStartDate(), c.getEndDate(), c.getCapacity(),
                    c.getCoordinator(), c.getLocation());
        }
    }

    record ResultView(Long id, Long officerId, String moduleCode, int attempt, int score, boolean passed,
                      java.math.BigDecimal hoursAttended, LocalDate assessedOn, String instructor, String recordedBy,
                      Instant recordedAt) {
        static ResultView of(ModuleResult r) {
            return new ResultView(r.getId(), r.getOfficerId(), r.getModuleCode(), r.getAttempt(), r.getScore(),
                    r.isPassed(), r.getHoursAttended(), r.getAssessedOn(), r.getInstructor(), r.getRecordedBy(),
                    r.getRecordedAt());
        }
    }

    record RemediationView(Long id, String moduleCode, String plan, LocalDate dueDate) {
    }

    @GetMapping("/api/modules")
    @Operation(summary = "The current version of every module in the catalog")
    List<ModuleView> modules() {
        return academy.currentModules().stream().map(ModuleView::of).toList();
    }

    @PostMapping("/api/modules")
    @Operation(summary = "Add a module to the catalog")
    ResponseEntity<ModuleView> defineModule(@Valid @RequestBody Requests.NewModule module) {
        TrainingModule created = academy.defineModule(module);
        return ResponseEntity.created(URI.create("/api/modules/" + created.getCode())).body(ModuleView.of(created));
    }

    @PutMapping("/api/modules/{code}")
    @Operation(summary = "Change a module: adds a version; past results keep the version they were judged by")
    ModuleView reviseModule(@PathVariable String code, @Valid @RequestBody ModuleDefinition definition) {
        return ModuleView.of(academy.reviseModule(code, definition));
    }

    @GetMapping("/api/cohorts")
    @Operation(summary = "All cohorts, newest first")
    List<CohortView> cohorts() {
        return academy.cohorts().stream().map(CohortView::of).toList();
    }

    @PostMapping("/api/cohorts")
    @Operation(summary = "Create a cohort (8 weeks from its start date); without a schedule it follows the catalog's weeks")
    ResponseEntity<CohortView> createCohort(@Valid @RequestBody Requests.NewCohort cohort) {
        Cohort created = academy.createCohort(cohort);
        return ResponseEntity.created(URI.create("/api/cohorts/" + created.getId())).body(CohortView.of(created));
    }

    @GetMapping("/api/cohorts/{id}")
    @Operation(summary = "A cohort: its schedule and the grid of recruits × modules")
    AcademyReports.Grid cohort(@PathVariable Long id) {
        return reports.grid(id);
    }

    @PostMapping("/api/cohorts/{id}/recruits")
    @Operation(summary = "Enroll a hired officer in the cohort")
    ResponseEntity<AcademyReports.Transcript> enroll(@PathVariable Long id, @Valid @RequestBody Requests.Enrollment enrollment) {
        academy.enroll(id, enrollment.officerId());
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.transcript(enrollment.officerId()));
    }

    @PostMapping("/api/cohorts/{id}/results")
    @Operation(summary = "Record a whole module's results for the cohort: all rows or none; every bad row is reported")
    Requests.BulkOutcome bulk(@PathVariable Long id, @Valid @RequestBody Requests.BulkResults results) {
        return academy.recordResults(id, results);
    }

    @PostMapping(value = "/api/cohorts/{id}/results.csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a module's results as CSV (employee_number,score,hours_attended,assessed_on,instructor,practical_passed,notes)")
    Requests.BulkOutcome bulkCsv(@PathVariable Long id, @RequestParam @Pattern(regexp = "[A-Z0-9-]+") String moduleCode,
                                 @RequestParam MultipartFile file) throws IOException {
        return csv.record(id, moduleCode, file);
    }

    @GetMapping("/api/recruits/{officerId}")
    @Operation(summary = "A recruit's transcript: every attempt, remediation plans and open steps")
    AcademyReports.Transcript transcript(@PathVariable Long officerId) {
        access.requireVisible(officerId);
        return reports.transcript(officerId);
    }

    @PostMapping("/api/recruits/{officerId}/modules/{code}/results")
    @Operation(summary = "Record one module result; the same result twice is one attempt")
    ResponseEntity<ResultView> result(@PathVariable Long officerId, @PathVariable String code,
                                      @Valid @RequestBody ResultEntry entry) {
        ModuleResult result = academy.recordResult(officerId, code, entry);
        return ResponseEntity.status(HttpStatus.CREATED).body(ResultView.of(result));
    }

    @PostMapping("/api/recruits/{officerId}/modules/{code}/remediation")
    @Operation(summary = "Plan the remediation after a failed module (opens the retake)")
    ResponseEntity<RemediationView> remediation(@PathVariable Long officerId, @PathVariable String code,
                                                @Valid @RequestBody Requests.RemediationPlan plan) {
        Remediation r = academy.planRemediation(officerId, code, plan);
        return ResponseEntity.status(HttpStatus.CREATED).body(new RemediationView(r.getId(), r.getModuleCode(),
                r.getPlan(), r.getDueDate()));
    }

    @PostMapping("/api/recruits/{officerId}/move")
    @Operation(summary = "Move a recruit to a later cohort, keeping passed modules")
    AcademyReports.Transcript move(@PathVariable Long officerId, @Valid @RequestBody Requests.Move move) {
        academy.moveToCohort(officerId, move);
        return reports.transcript(officerId);
    }

    @PostMapping("/api/recruits/{officerId}/withdrawal")
    @Operation(summary = "The recruit withdraws from the academy")
    AcademyReports.Transcript withdraw(@PathVariable Long officerId, @Valid @RequestBody Requests.Withdrawal withdrawal) {
        academy.withdraw(officerId, withdrawal);
        return reports.transcript(officerId);
    }
}
