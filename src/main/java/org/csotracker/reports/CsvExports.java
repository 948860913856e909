package org.csotracker.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyReports;
import org.csotracker.audit.AuditTrail;
import org.csotracker.certification.CertificationReports;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.Text;
import org.csotracker.hiring.HiringReports;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV exports for state standards boards and council reports. Each is streamed: rows are written as
 * the database returns them. Who exported what, and how many rows, goes to the audit log.
 */
@RestController
class CsvExports {

    private final HiringReports hiring;
    private final AcademyReports academyReports;
    private final Academy academy;
    private final CertificationReports certification;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;

    CsvExports(HiringReports hiring, AcademyReports academyReports, Academy academy, CertificationReports certification,
               People people, AuditTrail audit, Clock clock) {
        this.hiring = hiring;
        this.academyReports = academyReports;
        this.academy = academy;
        this.certification = certification;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/exports/candidates.csv")
    void candidates(HttpServletResponse response) {
        try (CsvDownload csv = start(response, "candidates", List.of("Candidate ID", "Last name", "First name", "Email",
                "Phone", "Applied", "Source", "Stage", "In stage since", "District preference", "Languages", "Education",
                "Meets minimum qualifications", "Desired qualifications score", "Background clear", "Interview score",
                "Interview recommendation", "Union approved", "Offer start date", "Offer district", "Closed at stage",
                "Rejection reason", "Closed", "Officer ID"))) {
            hiring.exportCandidates(c -> csv.row(c.id(), c.lastName(), c.firstName(), c.email(), c.phone(), c.appliedAt(),
                    c.source(), c.stage(), c.stageEnteredAt(), c.districtPreference(), c.languages(), c.education(),
                    c.meetsMinimum(), c.desiredScore(), c.backgroundClear(), c.interviewScore(), c.interviewRecommendation(),
                    c.unionApproved(), c.offerStartDate(), c.offerDistrict(), c.closedAtStage(), c.rejectionReason(),
                    c.closedAt(), c.officerId()));
            exported("candidates", null, csv);
        }
    }

    @GetMapping("/api/exports/cohorts/{id}/roster.csv")
    void roster(@PathVariable Long id, HttpServletResponse response) {
        AcademyReports.Roster roster = academyReports.roster(id);
        List<String> headers = new ArrayList<>(List.of("Employee number", "Last name", "First name", "Email", "District",
                "Supervisor", "Cohort", "Cohort start", "Cohort end", "Status", "Enrolled", "Ended", "End reason",
                "Modules passed", "Modules in program"));
        roster.modules().forEach(m -> headers.add(m.code() + " " + m.title()));
        try (CsvDownload csv = start(response, "roster-" + slug(roster.cohort().getName()), headers)) {
            for (AcademyReports.RosterRow r : roster.rows()) {
                List<Object> cells = new ArrayList<>(List.of(r.officer().getEmployeeNumber(), r.officer().getLastName(),
                        r.officer().getFirstName(), r.officer().getEmail(), r.officer().getDistrict()));
                cells.add(r.officer().getSupervisor());
                cells.addAll(List.of(roster.cohort().getName(), roster.cohort().getStartDate(), roster.cohort().getEndDate(),
                        r.enrollment().getStatus().name(), r.enrollment().getEnrolledAt()));
                cells.add(r.enrollment().getEndedAt());
                cells.add(r.enrollment().getEndReason());
                cells.add(r.modulesPassed());
                cells.add(r.modulesTotal());
                r.cells().forEach(c -> cells.add(c.score() == null ? c.state().title() : c.state().title() + " (" + c.score() + ")"));
                csv.row(cells.toArray());
            }
            exported("cohort roster", id, csv);
        }
    }

    @GetMapping("/api/exports/module-results.csv")
    void moduleResults(@RequestParam(required = false) Long cohort, HttpServletResponse response) {
        String name = "module-results";
        if (cohort != null) {
            name += "-" + slug(academy.cohort(cohort).getName()); // 404 for an unknown cohort, before any output
        }
        try (CsvDownload csv = start(response, name, List.of("Employee number", "Last name", "First name", "Cohort",
                "Module", "Module title", "Module version", "Attempt", "Score", "Passing score", "Passed",
                "Practical passed", "Hours attended", "Module hours", "Instructor", "Assessed on", "Recorded by",
                "Recorded"))) {
            academyReports.exportResults(cohort, (r, o) -> csv.row(employeeNumber(o), lastName(o), firstName(o), r.cohort(),
                    r.moduleCode(), r.moduleTitle(), r.moduleVersion(), r.attempt(), r.score(), r.passingScore(), r.passed(),
                    r.practicalPassed(), r.hoursAttended(), r.moduleHours(), r.instructor(), r.assessedOn(), r.recordedBy(),
                    r.recordedAt()));
            exported("module results", cohort, csv);
        }
    }

    @GetMapping("/api/exports/continuing-education.csv")
    void continuingEducation(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, last.minusYears(1).plusDays(1));
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", Text.of("invalid.fromAfterTo", last));
        }
        try (CsvDownload csv = start(response, "continuing-education", List.of("Employee number", "Last name",
                "First name", "District", "Category", "Title", "Provider", "Hours", "Completed on", "Status", "Source",
                "Recorded by", "Recorded", "Reviewed by", "Rejection reason"))) {
            certification.exportContinuingEducation(first, last, (r, o) -> csv.row(employeeNumber(o), lastName(o),
                    firstName(o), o == null ? null : o.getDistrict(), r.category(), r.title(), r.provider(), r.hours(),
                    r.completedOn(), r.status(), r.source(), r.recordedBy(), r.recordedAt(), r.reviewedBy(),
                    r.rejectionReason()));
            exported("continuing education " + first + " to " + last, null, csv);
        }
    }

    @GetMapping("/api/exports/certifications.csv")
    void certifications(HttpServletResponse response) {
        CertificationReports.Scope scope = Scopes.of(CurrentUser.require(), people);
        try (CsvDownload csv = start(response, "certifications", List.of("Employee number", "Last name", "First name",
                "District", "Supervisor", "Program component", "Officer status", "Certification status", "Status since",
                "Certified on", "Academy cohort", "Period", "Period start", "Period end", "Grace until",
                "Approved CE hours this period", "Latest certificate"))) {
            certification.exportCertifications(scope, (c, o) -> csv.row(employeeNumber(o), lastName(o), firstName(o),
                    o == null ? null : o.getDistrict(), o == null ? null : o.getSupervisor(),
                    o == null ? null : o.getProgramComponent().name(), o == null ? null : o.getStatus().name(), c.status(),
                    c.statusSince(), c.certifiedOn(), c.cohortName(), c.periodNumber(), c.periodStart(), c.periodEnd(),
                    c.graceUntil(), c.approvedCeHours(), c.certificateNumber()));
            exported(scope.officerIds() == null ? "certifications" : "certifications of the supervisor's unit", null, csv);
        }
    }

    private CsvDownload start(HttpServletResponse response, String name, List<String> headers) {
        return CsvDownload.start(response, name, LocalDate.now(clock), clock.getZone(), headers);
    }

    private void exported(String what, Long id, CsvDownload csv) {
        audit.recordSeparately(AuditTrail.currentActor(), "Export", id == null ? what : id, "EXPORTED",
                what + ": " + csv.rows() + " rows");
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("invalid.date"));
        }
    }

    static String slug(String text) {
        String slug = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "cohort" : slug;
    }

    private static String employeeNumber(Officer o) {
        return o == null ? null : o.getEmployeeNumber();
    }

    private static String lastName(Officer o) {
        return o == null ? null : o.getLastName();
    }

    private static String firstName(Officer o) {
        return o == null ? null : o.getFirstName();
    }
}
