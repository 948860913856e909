package org.csotracker.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.documents.CertificateContent;
import org.csotracker.documents.CertificatePdf;
import org.csotracker.mail.Mailer;
import org.csotracker.notifications.Notifications;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.csotracker.certification.CertificationProcess.*;

/**
 * The certification module's API: certifies on academy completion, issues each certificate once,
 * reminds before expiry, renews with enough continuing education or lets the certification lapse,
 * and revokes. Status changes are kept with the date they took effect.
 */
@Service
public class Certifications {

    static final String SUBJECT = "Certification";

    private final CertificationRepository certifications;
    private final StatusChangeRepository statusChanges;
    private final CertificateRepository certificates;
    private final CertificateFileRepository files;
    private final CertificationRules rules;
    private final ContinuingEducation education;
    private final CertificatePdf pdf;
    private final People people;
    private final RuntimeService runtime;
    private final Mailer mailer;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final DepartmentSettings department;
    private final CertificationSettings settings;
    private final Clock clock;
    private final OfficerLetters letters;

    Certifications(CertificationRepository certifications, StatusChangeRepository statusChanges,
                   CertificateRepository certificates, CertificateFileRepository files,
                   CertificationRules rules, ContinuingEducation education, CertificatePdf pdf, People people,
                   RuntimeService runtime, Mailer mailer, Notifications notifications, AuditTrail audit,
                   DepartmentSettings department, CertificationSettings settings, Clock clock, OfficerLetters letters) {
        this.letters = letters;
        this.certifications = certifications;
        this.statusChanges = statusChanges;
        this.certificates = certificates;
        this.files = files;
        this.rules = rules;
        this.education = education;
        this.pdf = pdf;
        this.people = people;
        this.runtime = runtime;
        this.mailer = mailer;
        this.notifications = notifications;
        this.audit = audit;
        this.department = department;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- certifying -------------------------------------------------------------------------

    /** The academy is complete: the officer is certified (once, however often the event comes). */
    @EventListener
    @Transactional
    public void onAcademyCompleted(AcademyCompleted completed) {
        if (certifications.findByOfficerId(completed.officerId()).isPresent()) {
            return;
        }
        Certification.Period period = rules.period(completed.completedOn(), CertificateContent.Kind.ACADEMY_COMPLETION.name());
        Certification certification = certifications.saveAndFlush(new Certification(completed.officerId(),
                completed.completedOn(), completed.cohortName(), period, clock.instant()));
        record(certification, CertificationStatus.ACTIVE, "Certified on completing " + completed.cohortName());
        people.changeStatus(completed.officerId(), OfficerStatus.CERTIFIED, "completed " + completed.cohortName());
        audit.record(AuditTrail.SYSTEM, SUBJECT, certification.getId(), "CERTIFIED",
                "Period " + period.start() + " to " + period.end());
        Map<String, Object> variables = new HashMap<>(periodVariables(certification));
        variables.put(VAR_CERTIFICATION_ID, certification.getId());
        certification.started(runtime.startProcessInstanceByKey(KEY, certification.getId().toString(), variables).getId());
    }

    /** Process variables for a period: when it ends, when grace ends, when each reminder is due. */
    Map<String, Object> periodVariables(Certification c) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PERIOD_END, at(c.getPeriodEnd()));
        variables.put(VAR_GRACE_END, at(c.getGraceUntil()));
        List<Map<String, Object>> reminders = new ArrayList<>();
        for (CertificationRules.Reminder r : rules.reminders(kindOf(c).name())) {
            Map<String, Object> reminder = new HashMap<>();
            reminder.put("at", at(c.getPeriodEnd().minusDays(r.daysBefore())));
            reminder.put("daysBefore", r.daysBefore());
            reminder.put("notifySupervisor", r.notifySupervisor());
            reminders.add(reminder);
        }
        variables.put(VAR_REMINDERS, reminders);
        return variables;
    }

    private Date at(LocalDate day) {
        return Date.from(ZonedDateTime.of(day, settings.reminderTime(), clock.getZone()).toInstant());
    }

    static CertificateContent.Kind kindOf(Certification c) {
        return c.getPeriodNumber() == 1 ? CertificateContent.Kind.ACADEMY_COMPLETION : CertificateContent.Kind.RENEWAL;
    }

    /**
     * Issues the certificate of the current period. Idempotent: the row lock serializes concurrent
     * attempts and the unique (certification, period start) constraint stops any second certificate.
     */
    @Transactional
    public Certificate issueCertificate(Long certificationId) {
        Certification c = lock(certificationId);
        Optional<Certificate> existing = certificates.findByCertificationIdAndPeriodStart(c.getId(), c.getPeriodStart());
        if (existing.isPresent()) {
            return existing.get();
        }
        Officer officer = people.officer(c.getOfficerId());
        java.util.Locale locale = letters.officer(officer.getId());
        String number = number();
        CertificateContent.Kind kind = kindOf(c);
        byte[] file = pdf.render(new CertificateContent(number, officer.getFullName(), kind, settings.program(),
                department.name(), department.unit(), LocalDate.now(clock), c.getPeriodStart(), c.getPeriodEnd(),
                modules(c, locale), signatories(), verificationUrl(number), locale));
        Certificate certificate = certificates.saveAndFlush(new Certificate(number, c, kind, officer.getFullName(),
                CertificatePdf.sha256(file), file.length, clock.instant()));
        files.save(new CertificateFile(certificate.getId(), file));
        audit.record(AuditTrail.SYSTEM, SUBJECT, c.getId(), "CERTIFICATE_ISSUED", number + " (" + kind.name().toLowerCase()
                .replace('_', ' ') + "), valid " + c.getPeriodStart() + " to " + c.getPeriodEnd());
        mailer.queue("certificate:" + number, officer.getEmail(), letters.text("mail.certificate.subject", locale, number),
                letters.text("mail.certificate.body", locale, officer.getFirstName(), number, verificationUrl(number)));
        people.loginOf(officer.getId()).ifPresent(login -> notifications.notifyUser(login.getUsername(),
                letters.text("notify.certificate.title", locale, number),
                letters.text("notify.certificate.body", locale, c.getPeriodEnd().toString()), "/me"));
        return certificate;
    }

    private String number() {
        long sequence = certificates.nextNumber();
        String digits = String.format("%d%06d", LocalDate.now(clock).getYear(), sequence);
        return "CSO-" + LocalDate.now(clock).getYear() + "-" + String.format("%06d", sequence) + "-" + luhn(digits);
    }

    /** A check digit, so a mistyped certificate number is caught before the look-up. */
    static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** What the certificate lists, titled in the holder's language where the catalog has a translation. */
    private List<CertificateContent.ModuleLine> modules(Certification c, java.util.Locale locale) {
        if (c.getPeriodNumber() == 1) {
            return education.academyModules(c.getOfficerId(), (code, title) -> letters.title("module." + code, title, locale));
        }
        return education.hoursByCategory(c.getOfficerId(), c.getPeriodStart().minusMonths(
                java.time.Period.between(c.getPeriodStart(), c.getPeriodEnd()).toTotalMonths()), c.getPeriodStart())
                .entrySet().stream().map(e -> new CertificateContent.ModuleLine(
                        letters.title("ce.category." + e.getKey(), education.categoryTitle(e.getKey()), locale),
                        e.getValue().setScale(0, java.math.RoundingMode.HALF_UP).intValue())).toList();
    }

    private List<CertificateContent.Signatory> signatories() {
        return settings.signatories().stream().map(s -> s.split("\\|", 2))
                .map(p -> new CertificateContent.Signatory(p[0].strip(), p.length > 1 ? p[1].strip() : "")).toList();
    }

    public String verificationUrl(String number) {
        return department.publicBaseUrl().replaceAll("/+$", "") + "/verify/" + number;
    }

    // ---- reminders, renewal, lapse ----------------------------------------------------------

    /** A reminder is due: the CSO (and, near the end, their supervisor) hear how long is left. */
    @Transactional
    public void sendReminder(Long certificationId, int daysBefore, boolean notifySupervisor) {
        Certification c = lock(certificationId);
        if (c.getStatus() == CertificationStatus.REVOKED || c.getStatus() == CertificationStatus.LAPSED) {
            return;
        }
        if (c.getStatus() == CertificationStatus.ACTIVE) {
            record(c, CertificationStatus.EXPIRING, "Expires on " + c.getPeriodEnd());
        }
        Officer officer = people.officer(c.getOfficerId());
        ContinuingEducation.Progress progress = education.progress(officer, c);
        java.util.Locale locale = letters.officer(officer.getId());
        String days = String.valueOf(daysBefore);
        String subject = letters.text("mail.reminder.subject", locale, days);
        String body = letters.text("mail.reminder.body", locale, officer.getFirstName(), c.getPeriodEnd().toString(),
                progress.met() ? letters.text("mail.reminder.met", locale)
                        : letters.text("mail.reminder.missing", locale, letters.missing(progress, locale)));
        String key = "reminder:" + c.getId() + ":" + c.getPeriodEnd() + ":" + daysBefore;
        // a CSO with a login gets the reminder in the app, and by e-mail as their notification settings say;
        // without a login (not activated yet) the officer's address gets it
        String inApp = progress.met() ? letters.text("notify.reminder.met", locale)
                : letters.text("notify.reminder.missing", locale, letters.missing(progress, locale));
        people.loginOf(officer.getId()).ifPresentOrElse(login -> notifications.remindUser(login.getUsername(), subject,
                        inApp, "/me", key + ":cso"),
                () -> mailer.queue(key + ":cso", officer.getEmail(), subject, body));
        if (notifySupervisor && officer.getSupervisor() != null) {
            java.util.Locale theirs = letters.user(officer.getSupervisor());
            String about = letters.text("mail.reminder.supervisor.subject", theirs, officer.getFullName(), days);
            String missing = letters.missing(progress, theirs);
            notifications.remindUser(officer.getSupervisor(), about, letters.text("mail.reminder.supervisor.body", theirs,
                            officer.getFullName(), days, c.getPeriodEnd().toString(),
                            progress.met() ? letters.text("mail.reminder.supervisor.met", theirs)
                                    : letters.text("mail.reminder.supervisor.missing", theirs, missing)).strip(),
                    "/certification/officers/" + officer.getId(), key + ":supervisor");
        }
        audit.record(AuditTrail.SYSTEM, SUBJECT, c.getId(), "REMINDER_SENT", daysBefore + " days before expiry"
                + (notifySupervisor ? ", supervisor told" : ""));
    }

    /** The period has ended: does the continuing education it required exist? */
    @Transactional
    public boolean checkContinuingEducation(Long certificationId) {
        Certification c = lock(certificationId);
        boolean met = education.progress(people.officer(c.getOfficerId()), c).met();
        if (!met && c.getStatus() == CertificationStatus.ACTIVE) {
            record(c, CertificationStatus.EXPIRING, "Expired; grace period until " + c.getGraceUntil());
        }
        audit.record(AuditTrail.SYSTEM, SUBJECT, c.getId(), met ? "REQUIREMENTS_MET" : "GRACE_PERIOD_STARTED",
                met ? "Continuing education complete for the period ending " + c.getPeriodEnd()
                        : "Continuing education incomplete; grace period until " + c.getGraceUntil());
        return met;
    }

    /** A new period starts where the old one ended; returns the variables the next loop needs. */
    @Transactional
    public Map<String, Object> renew(Long certificationId) {
        Certification c = lock(certificationId);
        Certification.Period next = rules.period(c.getPeriodEnd(), CertificateContent.Kind.RENEWAL.name());
        c.renew(next, clock.instant());
        statusChanges.save(new StatusChange(c.getId(), CertificationStatus.ACTIVE, clock.instant(),
                "Renewed for " + next.start() + " to " + next.end()));
        audit.record(AuditTrail.SYSTEM, SUBJECT, c.getId(), "RENEWED", "Period " + next.start() + " to " + next.end());
        return periodVariables(c);
    }

    @Transactional
    public void lapse(Long certificationId) {
        Certification c = lock(certificationId);
        if (c.getStatus() == CertificationStatus.LAPSED) {
            return;
        }
        record(c, CertificationStatus.LAPSED, "Grace period ended on " + c.getGraceUntil() + " without the required hours");
        Officer officer = people.officer(c.getOfficerId());
        String title = officer.getFullName() + "'s certification has lapsed";
        notifications.notifyUser(officer.getSupervisor(), title, "Grace period ended " + c.getGraceUntil(),
                "/certification/officers/" + officer.getId());
        String lapsedKey = "lapsed:" + c.getId() + ":" + c.getPeriodEnd();
        java.util.Locale locale = letters.officer(officer.getId());
        // with a login, the e-mail follows the CSO's notification settings; without one, the officer's address gets it
        people.loginOf(officer.getId()).ifPresentOrElse(login -> notifications.remindUser(login.getUsername(),
                        letters.text("notify.lapsed.title", locale), letters.text("notify.lapsed.body", locale), "/me", lapsedKey),
                () -> mailer.queue(lapsedKey, officer.getEmail(), letters.text("mail.lapsed.subject", locale),
                        letters.text("mail.lapsed.body", locale, officer.getFirstName(), c.getGraceUntil().toString())));
        audit.record(AuditTrail.SYSTEM, SUBJECT, c.getId(), "LAPSED", "Grace period ended " + c.getGraceUntil());
    }

    /** An administrator revokes a certification; it shows at once everywhere, verification included. */
    @Transactional
    public Certification revoke(Long certificationId, String reason) {
        Certification c = lock(certificationId);
        if (c.getStatus() == CertificationStatus.REVOKED) {
            throw new ConflictException(Text.of("problem.certificationRevokedAlready"));
        }
        c.revoke(reason, clock.instant());
        statusChanges.save(new StatusChange(c.getId(), CertificationStatus.REVOKED, clock.instant(), reason));
        audit.record(SUBJECT, c.getId(), "REVOKED", reason);
        runtime.createMessageCorrelation(MESSAGE_REVOKED).processInstanceBusinessKey(c.getId().toString()).correlateAll();
        Officer officer = people.officer(c.getOfficerId());
        notifications.notifyUser(officer.getSupervisor(), officer.getFullName() + "'s certification was revoked", reason,
                "/certification/officers/" + officer.getId());
        return c;
    }

    @EventListener
    void onHoursChanged(ContinuingEducation.HoursChanged changed) {
        continuingEducationChanged(changed.officerId());
    }

    /** Continuing education changed: a certification waiting in its grace period may now renew. */
    @Transactional
    public void continuingEducationChanged(Long officerId) {
        certifications.findByOfficerId(officerId)
                .filter(c -> c.getStatus() == CertificationStatus.EXPIRING && LocalDate.now(clock).isAfter(c.getPeriodEnd()))
                .filter(c -> education.progress(people.officer(officerId), c).met())
                .ifPresent(c -> runtime.createMessageCorrelation(MESSAGE_CE_COMPLETED)
                        .processInstanceBusinessKey(c.getId().toString()).correlateAll());
    }

    // ---- reading ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<Certification> ofOfficer(Long officerId) {
        return certifications.findByOfficerId(officerId);
    }

    @Transactional(readOnly = true)
    public Certification certification(Long id) {
        return certifications.findById(id).orElseThrow(() -> NotFoundException.of("Certification", id));
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(Long certificationId) {
        return statusChanges.findByCertificationIdOrderByEffectiveAtAscIdAsc(certificationId);
    }

    @Transactional(readOnly = true)
    public List<Certificate> certificates(Long officerId) {
        return certificates.findByOfficerIdOrderByIssuedAtDesc(officerId);
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> certificate(String number) {
        return certificates.findByNumber(number);
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> certificateBySha256(String sha256) {
        return certificates.findBySha256(sha256);
    }

    @Transactional(readOnly = true)
    public byte[] file(Certificate certificate) {
        return files.findById(certificate.getId()).orElseThrow().getPdf();
    }

    @Transactional(readOnly = true)
    public List<Certification> ofOfficers(java.util.Collection<Long> officerIds) {
        return certifications.findByOfficerIdIn(officerIds);
    }

    /** Days until the current period ends (negative once it has). */
    public long daysLeft(Certification c) {
        return ChronoUnit.DAYS.between(LocalDate.now(clock), c.getPeriodEnd());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Certification lock(Long id) {
        return certifications.lockById(id).orElseThrow(() -> NotFoundException.of("Certification", id));
    }

    private void record(Certification c, CertificationStatus status, String reason) {
        if (c.changeStatus(status, clock.instant()) || c.getPeriodNumber() == 1 && statusChanges
                .findByCertificationIdOrderByEffectiveAtAscIdAsc(c.getId()).isEmpty()) {
            statusChanges.save(new StatusChange(c.getId(), status, clock.instant(), reason));
        }
    }

}
