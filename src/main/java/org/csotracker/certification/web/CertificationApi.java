package org.csotracker.certification.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.Certificate;
import org.csotracker.certification.CertificationReports;
import org.csotracker.certification.CertificationSettings;
import org.csotracker.certification.Certifications;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.certification.ContinuingEducationRecord;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.security.CsoUser;
import org.csotracker.security.CurrentUser;
import org.csotracker.security.OfficerAccess;
import org.csotracker.security.RequestThrottle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Certification and continuing education: the CSO's own view, staff views, and public verification. */
@RestController
@Validated
@Tag(name = "Certification")
class CertificationApi {

    private final Certifications certifications;
    private final CertificationReports reports;
    private final ContinuingEducation education;
    private final OfficerAccess access;
    private final People people;
    private final RequestThrottle throttle;
    private final CertificationSettings settings;

    CertificationApi(Certifications certifications, CertificationReports reports, ContinuingEducation education,
                     OfficerAccess access, People people, RequestThrottle throttle, CertificationSettings settings) {
        this.certifications = certifications;
        this.reports = reports;
        this.education = education;
        this.access = access;
        this.people = people;
        this.throttle = throttle;
        this.settings = settings;
    }

    record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }

    record Review(@NotNull Boolean approved, @Size(max = 2000) String reason) {
    }

    // ---- the CSO's own ----------------------------------------------------------------------

    @GetMapping("/api/me/certification")
    @Operation(summary = "My certification: status, countdown, continuing-education progress, deadlines, transcript, certificates")
    CertificationReports.Status myCertification() {
        return reports.status(ownOfficer());
    }

    @GetMapping("/api/me/certificates")
    @Operation(summary = "Every certificate issued to me")
    List<CertificationReports.CertificateView> myCertificates() {
        return reports.status(ownOfficer()).certificates();
    }

    @GetMapping("/api/me/certificates/{number}.pdf")
    @Operation(summary = "Download one of my certificates (PDF/A, digitally signed)")
    ResponseEntity<byte[]> myCertificate(@PathVariable String number) {
        Long officerId = ownOfficer();
        Certificate certificate = certifications.certificate(number).filter(c -> c.getOfficerId().equals(officerId))
                .orElseThrow(() -> NotFoundException.of("Certificate", number));
        return pdf(certificate);
    }

    @PostMapping(value = "/api/me/continuing-education/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit outside training with evidence (PDF, PNG or JPEG up to 5 MB) for a coordinator to approve")
    ResponseEntity<CertificationReports.CeView> submit(@RequestParam String category, @RequestParam String title,
                                                       @RequestParam(required = false) String provider,
                                                       @RequestParam BigDecimal hours, @RequestParam LocalDate completedOn,
                                                       @RequestPart("evidence") MultipartFile evidence) throws IOException {
        ContinuingEducationRecord saved = education.submit(ownOfficer(), new CeEntry(category, title, provider, hours,
                completedOn), evidence.getOriginalFilename(), evidence.getContentType(), evidence.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(CertificationReports.CeView.of(saved));
    }

    private static Long ownOfficer() {
        CsoUser user = CurrentUser.require();
        if (user.getOfficerId() == null) {
            throw new NotFoundException(Text.of("problem.loginNotLinked"));
        }
        return user.getOfficerId();
    }

    // ---- staff ------------------------------------------------------------------------------

    @GetMapping("/api/officers/{id}/certification")
    @Operation(summary = "An officer's certification (supervisors: their own unit only)")
    CertificationReports.Status officer(@PathVariable Long id) {
        access.requireVisible(id);
        return reports.status(id);
    }

    @GetMapping("/api/certification/readiness")
    @Operation(summary = "Readiness, most urgent first: a supervisor gets their unit; others everyone with a certification, "
            + "paged (page from 0, size up to 500) with the counts by status")
    CertificationReports.ReadinessPage readiness(@RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        CsoUser user = CurrentUser.require();
        if (user.hasRole(Role.SUPERVISOR) && !user.hasRole(Role.ADMIN) && !user.hasRole(Role.HR) && !user.hasRole(Role.COORDINATOR)) {
            List<CertificationReports.Readiness> unit = reports.readiness(people.unitOf(user.getUsername()));
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            unit.forEach(r -> counts.merge(r.certificationStatus() == null ? "NOT_CERTIFIED" : r.certificationStatus(), 1L, Long::sum));
            return new CertificationReports.ReadinessPage(unit, 0, 1, counts);
        }
        return reports.readinessOfAll(page, size);
    }

    @PostMapping("/api/officers/{id}/continuing-education")
    @Operation(summary = "Record continuing-education hours for an officer (the same course twice counts once)")
    ResponseEntity<CertificationReports.CeView> recordCe(@PathVariable Long id, @Valid @RequestBody CeEntry entry) {
        ContinuingEducationRecord saved = education.record(id, entry);
        return ResponseEntity.created(URI.create("/api/officers/" + id + "/certification"))
                .body(CertificationReports.CeView.of(saved));
    }

    @PostMapping("/api/continuing-education/bulk")
    @Operation(summary = "Record one session's hours for many officers: all or none, every bad row reported")
    ContinuingEducation.BulkOutcome bulk(@RequestBody ContinuingEducation.Session session) {
        return education.recordSession(session);
    }

    @GetMapping("/api/continuing-education/submissions")
    @Operation(summary = "Outside training waiting for review, oldest first")
    List<CertificationReports.CeView> pending() {
        return education.pending(PageRequest.of(0, 200)).map(CertificationReports.CeView::of).getContent();
    }

    @GetMapping("/api/continuing-education/submissions/{id}/evidence")
    @Operation(summary = "The evidence file of a submission")
    ResponseEntity<byte[]> evidence(@PathVariable Long id) {
        ContinuingEducationRecord record = education.submission(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(record.getEvidenceType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(record.getEvidenceName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(education.evidenceOf(id));
    }

    @PostMapping("/api/continuing-education/submissions/{id}/review")
    @Operation(summary = "Approve or reject a submission (a rejection needs a reason)")
    CertificationReports.CeView review(@PathVariable Long id, @Valid @RequestBody Review review) {
        return CertificationReports.CeView.of(education.review(id, review.approved(), review.reason()));
    }

    @PostMapping("/api/certifications/{id}/revocation")
    @Operation(summary = "Revoke a certification (ADMIN); effective at once, public verification included")
    CertificationReports.Status revoke(@PathVariable Long id, @Valid @RequestBody Revocation revocation) {
        return reports.status(certifications.revoke(id, revocation.reason()).getOfficerId());
    }

    // ---- public -----------------------------------------------------------------------------

    @GetMapping("/api/verify/{number}")
    @Operation(summary = "Check a certificate number (public, rate-limited): genuine or not, and its live status")
    CertificationReports.Verification verify(@PathVariable @Size(max = 40) String number, HttpServletRequest request) {
        throttle.check("verify", request.getRemoteAddr(), settings.verificationsPerMinute(), Duration.ofMinutes(1));
        return reports.verify(number.strip().toUpperCase())
                .orElseThrow(() -> new NotFoundException(Text.of("problem.noCertificateNumbered", number)));
    }

    static ResponseEntity<byte[]> pdf(Certificate certificate, byte[] file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(certificate.getNumber() + ".pdf").build().toString())
                .body(file);
    }

    private ResponseEntity<byte[]> pdf(Certificate certificate) {
        return pdf(certificate, certifications.file(certificate));
    }
}
