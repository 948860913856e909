package org.csotracker.certification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.csotracker.academy.Academy;
import org.csotracker.academy.ModuleResult;
import org.csotracker.academy.TrainingModule;
import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.PayloadTooLargeException;
import org.csotracker.common.Text;
import org.csotracker.common.UnsupportedMediaTypeException;
import org.csotracker.common.InvalidInputException.FieldError;
import org.csotracker.common.NotFoundException;
import org.csotracker.documents.CertificateContent;
import org.csotracker.documents.CertificatePdf;
import org.csotracker.notifications.Notifications;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Continuing education: hours recorded by coordinators (one at a time or a whole session at once),
 * outside training submitted by CSOs with evidence for approval, and progress against the rules.
 */
@Service
public class ContinuingEducation {

    /** Errors about one attendee that a page shows on the attendee's line (see CertificationPages). */
    public static final String DUPLICATE_ATTENDEE = "invalid.duplicateAttendee";
    public static final String HOURS_DIFFER = "invalid.hoursDiffer";


    /** Evidence files a CSO may upload: PDF or common images, at most 5 MB. */
    public static final Set<String> EVIDENCE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");
    public static final long EVIDENCE_MAX_BYTES = 5L * 1024 * 1024;

    private final CeRecordRepository records;
    private final CeEvidenceRepository evidence;
    private final CertificationRules rules;
    private final Academy academy;
    private final People people;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;

    ContinuingEducation(CeRecordRepository records, CeEvidenceRepository evidence,
                        CertificationRules rules, Academy academy, People people, Notifications notifications,
                        AuditTrail audit, ApplicationEventPublisher events, Validator validator, Clock clock) {
        this.records = records;
        this.evidence = evidence;
        this.rules = rules;
        this.academy = academy;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    /** Published when approved hours change, so a certification in its grace period can renew. */
    public record HoursChanged(Long officerId) {
    }

    // ---- recording --------------------------------------------------------------------------

    /** A coordinator records hours; the same course on the same day is not counted twice. */
    @Transactional
    public ContinuingEducationRecord record(Long officerId, CeEntry entry) {
        people.officer(officerId);
        check(entry, "");
        Optional<ContinuingEducationRecord> same = records.findSame(officerId, entry.category(), entry.title().strip(),
                entry.completedOn());
        if (same.isPresent()) {
            if (same.get().sameAs(entry)) {
                return same.get();
            }
            throw new ConflictException(Text.of("problem.courseRecorded", entry.completedOn(), same.get().getHours()));
        }
        ContinuingEducationRecord saved = records.save(new ContinuingEducationRecord(officerId, entry,
                ContinuingEducationRecord.Source.RECORDED, CeStatus.APPROVED, AuditTrail.currentActor(), clock.instant()));
        audit.record("ContinuingEducation", saved.getId(), "CE_RECORDED", describe(officerId, entry));
        events.publishEvent(new HoursChanged(officerId));
        return saved;
    }

    /** One session's attendance for many officers (an officer id or employee number each). */
    public record Attendee(Long officerId, String employeeNumber, BigDecimal hours) {
    }

    public record Session(String category, String title, String provider, BigDecimal hours, LocalDate completedOn,
                          List<Attendee> attendees) {
    }

    public record BulkOutcome(int recorded, int unchanged) {
    }

    /** All attendees or none; every bad row is reported as {@code attendees[i].field}. */
    @Transactional
    public BulkOutcome recordSession(Session session) {
        List<FieldError> errors = new ArrayList<>();
        if (session.attendees() == null || session.attendees().isEmpty()) {
            throw new InvalidInputException("attendees", Text.of("invalid.atLeastOneOfficer"));
        }
        Map<Long, Integer> seen = new HashMap<>();
        List<Long> officers = new ArrayList<>();
        List<CeEntry> entries = new ArrayList<>();
        for (int i = 0; i < session.attendees().size(); i++) {
            Attendee a = session.attendees().get(i);
            String at = "attendees[" + i + "].";
            if (a == null) {
                errors.add(new FieldError("attendees[" + i + "]", Text.of("invalid.officerWithHours")));
                continue;
            }
            CeEntry entry = new CeEntry(session.category(), session.title(), session.provider(),
                    a.hours() != null ? a.hours() : session.hours(), session.completedOn());
            try {
                check(entry, at);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
            Long officerId = a.officerId() != null ? people.findOfficer(a.officerId()).map(Officer::getId).orElse(null)
                    : a.employeeNumber() == null ? null
                    : people.findOfficerByEmployeeNumber(a.employeeNumber().strip()).map(Officer::getId).orElse(null);
            if (officerId == null) {
                errors.add(new FieldError(at + "officerId", Text.of("invalid.officerUnknown")));
            } else if (seen.putIfAbsent(officerId, i) != null) {
                errors.add(new FieldError(at + "officerId", Text.of(DUPLICATE_ATTENDEE, seen.get(officerId))));
            } else if (entry.title() != null && entry.category() != null && entry.completedOn() != null && entry.hours() != null) {
                records.findSame(officerId, entry.category(), entry.title().strip(), entry.completedOn())
                        .filter(r -> !r.sameAs(entry))
                        .ifPresent(r -> errors.add(new FieldError(at + "hours", Text.of(HOURS_DIFFER, r.getHours()))));
            }
            officers.add(officerId);
            entries.add(entry);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int recorded = 0;
        for (int i = 0; i < officers.size(); i++) {
            boolean exists = records.findSame(officers.get(i), entries.get(i).category(), entries.get(i).title().strip(),
                    entries.get(i).completedOn()).isPresent();
            record(officers.get(i), entries.get(i));
            recorded += exists ? 0 : 1;
        }
        return new BulkOutcome(recorded, officers.size() - recorded);
    }

    /** A CSO submits outside training with evidence; it counts once a coordinator approves it. */
    @Transactional
    public ContinuingEducationRecord submit(Long officerId, CeEntry entry, String fileName, String contentType, byte[] file) {
        check(entry, "");
        if (file == null || file.length == 0) {
            throw new InvalidInputException("evidence", Text.of("invalid.evidenceRequired"));
        }
        if (file.length > EVIDENCE_MAX_BYTES) {
            throw new PayloadTooLargeException("evidence", Text.of("invalid.largerThan5MB"));
        }
        String type = sniff(file);
        if (type == null || !EVIDENCE_TYPES.contains(type)) {
            throw new UnsupportedMediaTypeException("evidence", Text.of("invalid.evidenceType"));
        }
        if (records.findSame(officerId, entry.category(), entry.title().strip(), entry.completedOn()).isPresent()) {
            throw new ConflictException(Text.of("problem.courseOnRecord", entry.completedOn()));
        }
        ContinuingEducationRecord saved = records.save(new ContinuingEducationRecord(officerId, entry,
                ContinuingEducationRecord.Source.SUBMITTED, CeStatus.PENDING, AuditTrail.currentActor(), clock.instant()));
        saved.evidence(safeName(fileName), type, CertificatePdf.sha256(file));
        evidence.save(new CeEvidence(saved.getId(), file));
        audit.record("ContinuingEducation", saved.getId(), "CE_SUBMITTED", describe(officerId, entry));
        notifications.notifyRole(org.csotracker.people.Role.COORDINATOR, "Outside training to review",
                describe(officerId, entry), "/certification/submissions");
        return saved;
    }

    /** The file type from its first bytes, not from what the client claims. */
    static String sniff(byte[] file) {
        if (file.length >= 5 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F' && file[4] == '-') {
            return "application/pdf";
        }
        if (file.length >= 8 && (file[0] & 0xff) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G') {
            return "image/png";
        }
        if (file.length >= 3 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8 && (file[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    /** The evidence file's name without any path, in safe characters, never blank or only dots (".."). */
    static String safeName(String name) {
        String base = name == null ? "evidence" : name.replaceAll(".*[/\\\\]", "");
        base = base.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        base = base.substring(0, Math.min(base.length(), 200)).strip();
        return base.isEmpty() || base.matches("[. ]+") ? "evidence" : base;
    }

    @Transactional
    public ContinuingEducationRecord review(Long recordId, boolean approved, String reason) {
        ContinuingEducationRecord r = records.findById(recordId).orElseThrow(() -> NotFoundException.of("Submission", recordId));
        if (r.getStatus() != CeStatus.PENDING) {
            throw new ConflictException(Text.of("problem.submissionReviewed", Text.of("parts.ce.status." + r.getStatus().name())));
        }
        if (!approved && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", Text.of("invalid.rejectReasonRequired"));
        }
        r.review(approved, reason, AuditTrail.currentActor(), clock.instant());
        audit.record("ContinuingEducation", r.getId(), approved ? "CE_APPROVED" : "CE_REJECTED",
                approved ? r.getHours() + " h of " + r.getTitle() : reason);
        people.loginOf(r.getOfficerId()).ifPresent(login -> notifications.notifyUser(login.getUsername(),
                "Your outside training was " + (approved ? "approved" : "rejected"),
                r.getTitle() + (approved ? "" : ": " + reason), "/me"));
        if (approved) {
            events.publishEvent(new HoursChanged(r.getOfficerId()));
        }
        return r;
    }

    // ---- progress ---------------------------------------------------------------------------

    /** One requirement's progress: hours done (approved, in the period) against hours required. */
    public record Line(String category, String title, int required, BigDecimal done) {
        public int percent() {
            return required == 0 ? 100 : Math.min(100, done.multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(required), 0, java.math.RoundingMode.DOWN).intValue());
        }

        public boolean met() {
            return done.compareTo(BigDecimal.valueOf(required)) >= 0;
        }
    }

    public record Progress(List<Line> lines) {
        public boolean met() {
            return lines.stream().allMatch(Line::met);
        }

        public String missingSummary() {
            return String.join(", ", lines.stream().filter(l -> !l.met())
                    .map(l -> l.done().stripTrailingZeros().toPlainString() + " of " + l.required() + " h " + l.title())
                    .toList());
        }

        public int requiredHours() {
            return lines.stream().mapToInt(Line::required).sum();
        }

        public BigDecimal doneHours() {
            return lines.stream().map(l -> l.done().min(BigDecimal.valueOf(l.required()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Approved hours in the certification's current period (grace period included) against the rules. */
    @Transactional(readOnly = true)
    public Progress progress(Officer officer, Certification c) {
        Map<String, BigDecimal> done = hoursByCategory(officer.getId(), c.getPeriodStart(), c.getGraceUntil());
        return new Progress(rules.requirements(officer.getProgramComponent()).stream()
                .map(r -> new Line(r.category(), r.title(), r.hours(), done.getOrDefault(r.category(), BigDecimal.ZERO)))
                .toList());
    }

    @Transactional(readOnly = true)
    public Map<String, BigDecimal> hoursByCategory(Long officerId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        records.approvedHoursByCategory(officerId, from, to).forEach(row -> hours.put((String) row[0], (BigDecimal) row[1]));
        return hours;
    }

    public String categoryTitle(String category) {
        return java.util.Arrays.stream(org.csotracker.people.ProgramComponent.values())
                .flatMap(c -> rules.requirements(c).stream()).filter(r -> r.category().equals(category))
                .map(CertificationRules.Requirement::title).findFirst().orElse(category);
    }

    /** The academy modules an officer passed, with their hours, for the completion certificate. */
    @Transactional(readOnly = true)
    public List<CertificateContent.ModuleLine> academyModules(Long officerId) {
        return academyModules(officerId, (code, title) -> title);
    }

    /** As {@link #academyModules(Long)}, each title given by {@code title} from the module's code and catalog title. */
    public List<CertificateContent.ModuleLine> academyModules(Long officerId,
                                                              java.util.function.BinaryOperator<String> title) {
        List<CertificateContent.ModuleLine> lines = new ArrayList<>();
        for (ModuleResult r : academy.results(officerId)) {
            if (r.isPassed()) {
                TrainingModule m = academy.moduleVersion(r.getModuleId());
                lines.add(new CertificateContent.ModuleLine(title.apply(m.getCode(), m.getTitle()), m.getHours()));
            }
        }
        return lines;
    }

    @Transactional(readOnly = true)
    public List<ContinuingEducationRecord> of(Long officerId) {
        return records.findByOfficerIdOrderByCompletedOnDesc(officerId);
    }

    @Transactional(readOnly = true)
    public Page<ContinuingEducationRecord> pending(Pageable pageable) {
        return records.findByStatusOrderByRecordedAt(CeStatus.PENDING, pageable);
    }

    @Transactional(readOnly = true)
    public ContinuingEducationRecord submission(Long id) {
        return records.findById(id).orElseThrow(() -> NotFoundException.of("Submission", id));
    }

    @Transactional(readOnly = true)
    public byte[] evidenceOf(Long recordId) {
        return evidence.findById(recordId).map(CeEvidence::getContent).orElseThrow(() -> NotFoundException.of("Evidence", recordId));
    }

    private void check(CeEntry entry, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CeEntry> v : validator.validate(entry)) {
            errors.add(new FieldError(prefix + v.getPropertyPath(), Text.verbatim(v.getMessage())));
        }
        if (entry.completedOn() != null && entry.completedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError(prefix + "completedOn", Text.of("invalid.notInFuture")));
        }
        if (entry.category() != null && errors.stream().noneMatch(e -> e.field().equals(prefix + "category"))
                && !knownCategories().contains(entry.category())) {
            errors.add(new FieldError(prefix + "category", Text.of("invalid.oneOf", String.join(", ", knownCategories()))));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public java.util.SortedSet<String> knownCategories() {
        java.util.SortedSet<String> categories = new java.util.TreeSet<>();
        for (org.csotracker.people.ProgramComponent c : org.csotracker.people.ProgramComponent.values()) {
            rules.requirements(c).forEach(r -> categories.add(r.category()));
        }
        return categories;
    }

    private String describe(Long officerId, CeEntry entry) {
        return people.officer(officerId).getFullName() + ": " + entry.hours() + " h " + entry.title() + " ("
                + entry.category() + ") on " + entry.completedOn();
    }
}
