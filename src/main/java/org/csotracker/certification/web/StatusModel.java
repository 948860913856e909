package org.csotracker.certification.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyReports;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.CohortSession;
import org.csotracker.academy.Recruit;
import org.csotracker.academy.RecruitStatus;
import org.csotracker.certification.CertificationReports;
import org.csotracker.certification.ContinuingEducation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the CSO's own page and the staff's officer page show alike: the status badge and its
 * countdown, continuing-education progress, certificates, records, transcript and history.
 */
@Component
class StatusModel {

    private final CertificationReports reports;
    private final ContinuingEducation education;
    private final Academy academy;
    private final Clock clock;
    private final MessageSource messages;

    StatusModel(CertificationReports reports, ContinuingEducation education, Academy academy, Clock clock,
                MessageSource messages) {
        this.messages = messages;
        this.reports = reports;
        this.education = education;
        this.academy = academy;
        this.clock = clock;
    }

    /**
     * The big badge: a short label, its colour, and the sentence under it, in three parts so the
     * date in the middle never breaks across lines.
     */
    record Countdown(String label, String badgeClass, String before, LocalDate date, String after) {
        public String text() {
            return before + (date == null ? "" : date) + after;
        }
    }

    /** How far a recruit who is not certified yet has come in the academy. */
    record AcademyProgress(String cohortName, LocalDate endDate, int passed, int total) {
    }

    /** Fills the model with {@code s} (the status) and everything derived from it. */
    CertificationReports.Status fill(Model model, Long officerId) {
        CertificationReports.Status s = reports.status(officerId);
        model.addAttribute("s", s);
        model.addAttribute("countdown", countdown(s));
        model.addAttribute("academy", s.certificationStatus() == null ? academyProgress(officerId, s.transcript()).orElse(null) : null);
        model.addAttribute("categories", categories());
        model.addAttribute("today", today());
        return s;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Category code to its title, for the continuing-education forms. */
    Map<String, String> categories() {
        Map<String, String> categories = new LinkedHashMap<>();
        education.knownCategories().forEach(code -> categories.put(code, education.categoryTitle(code)));
        return categories;
    }

    Countdown countdown(CertificationReports.Status s) {
        if (s.certificationStatus() == null) {
            return null;
        }
        long days = s.daysLeft() == null ? 0 : s.daysLeft();
        return switch (s.certificationStatus()) {
            case "ACTIVE" -> expires(text("countdown.active"), "text-bg-success", days, s.periodEnd());
            case "EXPIRING" -> days >= 0 ? expires(text("countdown.expiring"), "text-bg-warning", days, s.periodEnd())
                    : new Countdown(text("countdown.grace"), "text-bg-warning", text("countdown.grace.before"), s.graceUntil(),
                            text("countdown.grace.after"));
            case "LAPSED" -> new Countdown(text("countdown.lapsed"), "text-bg-danger", text("countdown.lapsed.before"),
                    s.graceUntil(), text("countdown.lapsed.after"));
            case "REVOKED" -> new Countdown(text("countdown.revoked"), "text-bg-dark", text("countdown.revoked.before"),
                    s.statusSince() == null ? null : LocalDate.ofInstant(s.statusSince(), clock.getZone()),
                    text("countdown.revoked.after"));
            default -> new Countdown(s.certificationStatus(), "text-bg-secondary", "", null, "");
        };
    }

    private Countdown expires(String label, String badgeClass, long days, LocalDate end) {
        if (days == 0) {
            return new Countdown(label, badgeClass, text("countdown.expiresToday"), end, ".");
        }
        return new Countdown(label, badgeClass, text(days == 1 ? "countdown.expiresInDay" : "countdown.expiresInDays", days), end, ".");
    }

    /** A text of messages.properties in the language of the page being rendered. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private Optional<AcademyProgress> academyProgress(Long officerId, AcademyReports.Transcript transcript) {
        Optional<Recruit> enrollment = academy.currentEnrollment(officerId)
                .filter(r -> r.getStatus() == RecruitStatus.ENROLLED || r.getStatus() == RecruitStatus.COMPLETED);
        if (enrollment.isEmpty()) {
            return Optional.empty();
        }
        Cohort cohort = academy.cohort(enrollment.get().getCohortId());
        List<String> modules = academy.schedule(cohort.getId()).stream().map(CohortSession::getModuleCode).distinct().toList();
        Set<String> passed = new HashSet<>();
        transcript.attempts().stream().filter(AcademyReports.Attempt::passed).map(AcademyReports.Attempt::moduleCode)
                .filter(modules::contains).forEach(passed::add);
        return Optional.of(new AcademyProgress(cohort.getName(), cohort.getEndDate(), passed.size(), modules.size()));
    }
}
