package org.csotracker.certification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.csotracker.academy.AcademyReports;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read models: an officer's certification at a glance, a unit's readiness, a public verification. */
@Service
public class CertificationReports {

    private final Certifications certifications;
    private final ContinuingEducation education;
    private final AcademyReports academy;
    private final People people;
    private final Clock clock;
    private final StatusCache cache;

    CertificationReports(Certifications certifications, ContinuingEducation education, AcademyReports academy,
                         People people, Clock clock, StatusCache cache) {
        this.cache = cache;
        this.certifications = certifications;
        this.education = education;
        this.academy = academy;
        this.people = people;
        this.clock = clock;
    }

    public record CertificateView(String number, String kind, LocalDate validFrom, LocalDate validUntil, Instant issuedAt,
                                  String sha256, int sizeBytes, VerificationStatus status) {
    }

    public record CeView(Long id, String category, String title, String provider, BigDecimal hours, LocalDate completedOn,
                         String status, String source, String rejectionReason, String evidenceName) {
        public static CeView of(ContinuingEducationRecord r) {
            return new CeView(r.getId(), r.getCategory(), r.getTitle(), r.getProvider(), r.getHours(), r.getCompletedOn(),
                    r.getStatus().name(), r.getSource().name(), r.getRejectionReason(), r.getEvidenceName());
        }
    }

    public record HistoryView(String status, Instant effectiveAt, String reason) {
    }

    /** {@code code} names the kind of deadline (CONTINUING_EDUCATION, EXPIRES, EXPIRED, GRACE_ENDS) for pages in any language. */
    public record Deadline(LocalDate date, String what, String code) {
    }

    /** Everything a CSO (or their supervisor, or a coordinator) needs to see about one certification. */
    public record Status(Long officerId, String name, String employeeNumber, String officerStatus, String supervisor,
                         String district, String certificationStatus, Instant statusSince, LocalDate certifiedOn,
                         int periodNumber, LocalDate periodStart, LocalDate periodEnd, LocalDate graceUntil,
                         Long daysLeft, int requiredHours, BigDecimal doneHours, List<ContinuingEducation.Line> requirements,
                         List<Deadline> deadlines, List<HistoryView> history, List<CertificateView> certificates,
                         List<CeView> continuingEducation, AcademyReports.Transcript transcript, Long certificationId) {
    }

    public Status status(Long officerId) {
        return cache.ofOfficer(officerId, () -> computeStatus(officerId));
    }

    private Status computeStatus(Long officerId) {
        Officer officer = people.officer(officerId);
        var certification = certifications.ofOfficer(officerId);
        List<CeView> ce = education.of(officerId).stream().map(CeView::of).toList();
        AcademyReports.Transcript transcript = academy.transcript(officerId);
        if (certification.isEmpty()) {
            return new Status(officerId, officer.getFullName(), officer.getEmployeeNumber(), officer.getStatus().name(),
                    officer.getSupervisor(), officer.getDistrict(), null, null, null, 0, null, null, null, null, 0,
                    BigDecimal.ZERO, List.of(), List.of(), List.of(), List.of(), ce, transcript, null);
        }
        Certification c = certification.get();
        ContinuingEducation.Progress progress = education.progress(officer, c);
        List<CertificateView> certificates = certifications.certificates(officerId).stream()
                .map(cert -> view(cert, c)).toList();
        List<HistoryView> history = certifications.history(c.getId()).stream()
                .map(h -> new HistoryView(h.getStatus().name(), h.getEffectiveAt(), h.getReason())).toList();
        return new Status(officerId, officer.getFullName(), officer.getEmployeeNumber(), officer.getStatus().name(),
                officer.getSupervisor(), officer.getDistrict(), c.getStatus().name(), c.getStatusSince(), c.getCertifiedOn(),
                c.getPeriodNumber(), c.getPeriodStart(), c.getPeriodEnd(), c.getGraceUntil(), certifications.daysLeft(c),
                progress.requiredHours(), progress.doneHours(), progress.lines(), deadlines(c, progress), history,
                certificates, ce, transcript, c.getId());
    }

    private List<Deadline> deadlines(Certification c, ContinuingEducation.Progress progress) {
        List<Deadline> deadlines = new ArrayList<>();
        if (c.getStatus() == CertificationStatus.REVOKED || c.getStatus() == CertificationStatus.LAPSED) {
            return deadlines;
        }
        boolean inGrace = LocalDate.now(clock).isAfter(c.getPeriodEnd());
        if (!progress.met()) {
            // once the period has ended, the hours still count until the grace period ends
            deadlines.add(new Deadline(inGrace ? c.getGraceUntil() : c.getPeriodEnd(),
                    "Complete continuing education: " + progress.missingSummary(), "CONTINUING_EDUCATION"));
        }
        deadlines.add(new Deadline(c.getPeriodEnd(), inGrace ? "Certification expired" : "Certification expires",
                inGrace ? "EXPIRED" : "EXPIRES"));
        if (inGrace) {
            deadlines.add(new Deadline(c.getGraceUntil(), "Grace period ends: the certification lapses", "GRACE_ENDS"));
        }
        deadlines.sort(Comparator.comparing(Deadline::date));
        return deadlines;
    }

    // ---- verification -----------------------------------------------------------------------

    /** What the public sees of a certificate: whether it is genuine and current. Nothing else. */
    public enum VerificationStatus { VALID, EXPIRED, LAPSED, REVOKED }

    public record Verification(String number, String holderName, String kind, LocalDate validFrom, LocalDate validUntil,
                               LocalDate issuedOn, VerificationStatus status) {
    }

    public java.util.Optional<Verification> verify(String number) {
        return cache.ofCertificate(number, () -> computeVerification(number));
    }

    private java.util.Optional<Verification> computeVerification(String number) {
        return certifications.certificate(number).map(cert -> {
            Certification c = certifications.certification(cert.getCertificationId());
            return new Verification(cert.getNumber(), cert.getHolderName(), cert.getKind().name(), cert.getPeriodStart(),
                    cert.getPeriodEnd(), LocalDate.ofInstant(cert.getIssuedAt(), clock.getZone()), statusOf(cert, c));
        });
    }

    private CertificateView view(Certificate cert, Certification c) {
        return new CertificateView(cert.getNumber(), cert.getKind().name(), cert.getPeriodStart(), cert.getPeriodEnd(),
                cert.getIssuedAt(), cert.getSha256(), cert.getSizeBytes(), statusOf(cert, c));
    }

    /** Revocation wins; a lapse voids the current certificate; an older period's certificate has expired. */
    VerificationStatus statusOf(Certificate cert, Certification c) {
        if (c.getStatus() == CertificationStatus.REVOKED) {
            return VerificationStatus.REVOKED;
        }
        boolean current = cert.getPeriodStart().equals(c.getPeriodStart());
        if (current && c.getStatus() == CertificationStatus.LAPSED) {
            return VerificationStatus.LAPSED;
        }
        if (!current || LocalDate.now(clock).isAfter(cert.getPeriodEnd())) {
            return VerificationStatus.EXPIRED;
        }
        return VerificationStatus.VALID;
    }

    // ---- readiness --------------------------------------------------------------------------

    public record Readiness(Long officerId, String name, String employeeNumber, String district, String supervisor,
                            String officerStatus, String certificationStatus, LocalDate periodEnd, Long daysLeft) {
    }

    /** Who is active, expiring and lapsed among the given officers (a supervisor's unit, or everyone). */
    @Transactional(readOnly = true)
    public List<Readiness> readiness(List<Officer> officers) {
        Map<Long, Certification> byOfficer = certifications.ofOfficers(officers.stream().map(Officer::getId).toList())
                .stream().collect(Collectors.toMap(Certification::getOfficerId, Function.identity()));
        return officers.stream().map(o -> {
            Certification c = byOfficer.get(o.getId());
            return new Readiness(o.getId(), o.getFullName(), o.getEmployeeNumber(), o.getDistrict(), o.getSupervisor(),
                    o.getStatus().name(), c == null ? null : c.getStatus().name(), c == null ? null : c.getPeriodEnd(),
                    c == null ? null : certifications.daysLeft(c));
        }).sorted(Comparator.comparing((Readiness r) -> r.certificationStatus() == null ? "Z" : r.certificationStatus())
                .thenComparing(Readiness::name)).toList();
    }
}
