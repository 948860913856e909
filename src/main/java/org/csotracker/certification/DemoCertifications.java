package org.csotracker.certification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.CohortSession;
import org.csotracker.academy.ModuleResult;
import org.csotracker.academy.Requests;
import org.csotracker.academy.ResultEntry;
import org.csotracker.academy.TrainingModule;
import org.csotracker.demo.ConditionalOnDemoMode;
import org.csotracker.demo.DemoActor;
import org.csotracker.people.Login;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A certification program that has been running for two years, for demo mode: past academy classes
 * (with their transcripts) whose graduates are certified in every state. Several are active (with
 * continuing education partly done), some renewed for a second period, a couple expiring, one in
 * the grace period, one lapsed and one revoked; the demo CSO {@code cso} (Lucía Hernández) is active
 * with partial hours, a certificate, an approved and a pending outside-training submission.
 *
 * <p>Certifications start as the academy would start them: an {@link AcademyCompleted} event with
 * the date the class ended. The engine's job executor then issues the certificates and fires the
 * timers that are already due (reminders, expiry, grace), shortly after start-up. Runs once: it
 * does nothing when any certification exists.
 */
@Component
@ConditionalOnDemoMode
@Order(50)
class DemoCertifications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCertifications.class);

    static final String COORDINATOR = "coordinator";
    private static final String SUPERVISOR = "supervisor";
    private static final String DEMO_CSO = "cso";
    private static final String LOCATION = "Seattle Police Training Center";
    private static final Map<String, String> INSTRUCTORS = Map.of(
            "POLICE-OPS", "Sgt. Whitfield",
            "DE-ESCALATION", "Ofc. Rivera",
            "MEDIATION", "Dr. Banks",
            "CRISIS-INTERVENTION", "Dr. Nakamura",
            "CULTURAL-COMPETENCY", "Prof. Alvarez",
            "SOCIAL-WORK", "K. Osei, MSW",
            "SELF-DEFENSE", "Ofc. Tanaka");

    /** The standard fonts are never embedded, so one instance serves every evidence file. */
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    /** A continuing-education session, taken {@code monthsIn} months into the certification period. */
    private record Ce(String category, String title, String provider, int hours, int monthsIn) {
        Ce at(int months) {
            return new Ce(category, title, provider, hours, months);
        }

        Ce hours(int h) {
            return new Ce(category, title, provider, h, monthsIn);
        }

        Ce withTitle(String other) {
            return new Ce(category, other, provider, hours, monthsIn);
        }
    }

    private static final Ce MIDYEAR = new Ce("MIDYEAR_PROGRAM", "Midyear continuing-education program", LOCATION, 16, 5);
    private static final Ce DE_ESCALATION = new Ce("DE_ESCALATION_REFRESHER", "De-escalation refresher: crisis communication",
            LOCATION, 8, 9);
    private static final Ce FIRST_AID = new Ce("ELECTIVE", "First aid, CPR and AED", "American Red Cross", 4, 3);
    private static final Ce MEDIATION = new Ce("ELECTIVE", "Community mediation practicum",
            "Dispute Resolution Center of King County", 8, 12);
    private static final Ce LANGUAGE_ACCESS = new Ce("ELECTIVE", "Language access and working with interpreters",
            "Seattle Office of Immigrant and Refugee Affairs", 4, 15);
    private static final Ce YOUTH = new Ce("YOUTH_TRAUMA_INFORMED", "Trauma-informed care for young people",
            "King County Youth Services", 4, 7);

    /** What the demo shows for this officer's certification. */
    private enum Fate { ACTIVE, RENEWED, EXPIRING, GRACE, LAPSED, REVOKED }

    private record Person(String first, String last, String district, ProgramComponent component, ShiftPattern shift,
                          Fate fate, List<Ce> hours) {
    }

    /** A past class: it ended {@code monthsAgo} months and {@code daysAgo} days before today. */
    private record PastClass(int monthsAgo, int daysAgo, List<Person> graduates) {
    }

    private final Academy academy;
    private final Certifications certifications;
    private final CertificationRepository repository;
    private final ContinuingEducation education;
    private final People people;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoCertifications(Academy academy, Certifications certifications, CertificationRepository repository,
                       ContinuingEducation education, People people, ApplicationEventPublisher events,
                       TransactionTemplate transaction, JdbcTemplate jdbc, Clock clock) {
        this.academy = academy;
        this.certifications = certifications;
        this.repository = repository;
        this.education = education;
        this.people = people;
        this.events = events;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        if (!people.usernamesWithRole(Role.COORDINATOR).contains(COORDINATOR)) {
            log.warn("No demo coordinator login: demo certifications not created");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Optional<Officer> lucia = people.findLogin(DEMO_CSO).map(Login::officerId).flatMap(people::findOfficer);
        int certified = 0;
        for (PastClass past : classes()) {
            certified += graduate(past, today, null);
        }
        // the demo CSO's own class, two weeks after she was hired
        LocalDate hired = lucia.map(Officer::getHiredOn).orElse(today.minusMonths(14));
        certified += graduate(new PastClass(0, 0, List.of(
                new Person("Farah", "Siddiqui", "North", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY,
                        Fate.ACTIVE, List.of(MIDYEAR.at(4))),
                new Person("Aroha", "Ngata", "Southwest", ProgramComponent.YOUTH_SERVICES, ShiftPattern.TUE_SAT_LATE,
                        Fate.ACTIVE, List.of(YOUTH.at(2), DE_ESCALATION.hours(4).at(6))),
                new Person("Gabriel", "Moreau", "East", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_LATE,
                        Fate.REVOKED, List.of(MIDYEAR.at(4))))), today, new ClassStart(hired.plusWeeks(2), lucia.orElse(null)));
        log.info("Demo certification: {} certified officers; the engine issues certificates and fires due timers shortly", certified);
    }

    private static List<PastClass> classes() {
        return List.of(
                // ended about 25 months ago: a full period is over
                new PastClass(24, 45, List.of(
                        new Person("Rashida", "Thompson", "South", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY,
                                Fate.LAPSED, List.of(FIRST_AID.at(6))),
                        new Person("Viktor", "Nowak", "North", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.TUE_SAT_DAY,
                                Fate.RENEWED, List.of(MIDYEAR, DE_ESCALATION, MEDIATION, MEDIATION.at(18)
                                        .withTitle("Restorative justice circles"))),
                        new Person("Kalani", "Akana", "West", ProgramComponent.YOUTH_SERVICES, ShiftPattern.MON_FRI_LATE,
                                Fate.RENEWED, List.of(MIDYEAR, DE_ESCALATION, YOUTH, MEDIATION, FIRST_AID, LANGUAGE_ACCESS)))),
                // ended two years and some days ago: expired, in the grace period
                new PastClass(24, 12, List.of(
                        new Person("Deshawn", "Carter", "East", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.TUE_SAT_LATE,
                                Fate.GRACE, List.of(MIDYEAR, DE_ESCALATION, FIRST_AID.hours(6))),
                        new Person("Mariana", "Costa", "Southwest", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_DAY,
                                Fate.RENEWED, List.of(MIDYEAR, DE_ESCALATION, MEDIATION, LANGUAGE_ACCESS, FIRST_AID)))),
                // expires in about five weeks
                new PastClass(24, -40, List.of(
                        new Person("Elena", "Popescu", "North", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_DAY,
                                Fate.EXPIRING, List.of(MIDYEAR, DE_ESCALATION, MEDIATION, FIRST_AID.hours(4))),
                        new Person("Jerome", "Baptiste", "South", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.TUE_SAT_DAY,
                                Fate.EXPIRING, List.of(MIDYEAR.hours(8))))),
                // half-way through the first period
                new PastClass(18, 0, List.of(
                        new Person("Tomasz", "Kowalczyk", "West", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY,
                                Fate.ACTIVE, List.of(MIDYEAR, DE_ESCALATION, FIRST_AID)),
                        new Person("Imani", "Okonkwo", "East", ProgramComponent.YOUTH_SERVICES, ShiftPattern.TUE_SAT_DAY,
                                Fate.ACTIVE, List.of(MIDYEAR, YOUTH, MEDIATION)),
                        new Person("Luis", "Ortega", "Southwest", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_LATE,
                                Fate.ACTIVE, List.of(MIDYEAR, DE_ESCALATION.hours(4))))),
                // certified half a year ago
                new PastClass(6, 0, List.of(
                        new Person("Soo-ah", "Kim", "North", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.TUE_SAT_DAY,
                                Fate.ACTIVE, List.of(FIRST_AID.at(2))),
                        new Person("Pedro", "Alves", "South", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY,
                                Fate.ACTIVE, List.of()),
                        new Person("Chidi", "Eze", "West", ProgramComponent.YOUTH_SERVICES, ShiftPattern.MON_FRI_LATE,
                                Fate.ACTIVE, List.of(YOUTH.at(3))))));
    }

    /** When a class started, and the demo CSO when it is her class. */
    private record ClassStart(LocalDate startOnOrAfter, Officer demoCso) {
    }

    /** Runs one past class through the academy, certifies its graduates and records their history. */
    private int graduate(PastClass past, LocalDate today, ClassStart start) {
        LocalDate startDate = start != null
                ? start.startOnOrAfter().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
                : today.minusMonths(past.monthsAgo()).minusDays(past.daysAgo()).minusWeeks(Cohort.WEEKS).plusDays(1)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<Officer, Person> graduates = new LinkedHashMap<>();
        Cohort cohort = DemoActor.as(COORDINATOR, () -> transaction.execute(tx -> {
            Cohort c = academy.createCohort(new Requests.NewCohort(cohortName(startDate), startDate, 16, COORDINATOR,
                    LOCATION, null));
            if (start != null && start.demoCso() != null) {
                graduates.put(start.demoCso(), new Person(start.demoCso().getFirstName(), start.demoCso().getLastName(),
                        start.demoCso().getDistrict(), start.demoCso().getProgramComponent(), start.demoCso().getShiftPattern(),
                        Fate.ACTIVE, List.of()));
            }
            for (Person p : past.graduates()) {
                graduates.put(hire(p, startDate.minusWeeks(2)), p);
            }
            List<String> codes = academy.schedule(c.getId()).stream().map(CohortSession::getModuleCode).distinct().toList();
            List<TrainingModule> modules = academy.currentModules().stream().filter(m -> codes.contains(m.getCode())).toList();
            int i = 0;
            for (Officer officer : graduates.keySet()) {
                academy.enroll(c.getId(), officer.getId());
                for (TrainingModule m : modules) {
                    int score = Math.min(100, m.getPassingScore() + 4 + (i * 7 + m.getHours() + startDate.getDayOfYear()) % 17);
                    LocalDate friday = startDate.plusWeeks(m.getWeekTo() - 1L).plusDays(4);
                    academy.recordResult(officer.getId(), m.getCode(), new ResultEntry(score,
                            BigDecimal.valueOf(m.getHours() - (score % 4 == 0 ? 2 : 0)), friday,
                            INSTRUCTORS.getOrDefault(m.getCode(), "Academy staff"), m.isPracticalRequired() ? true : null, null));
                }
                i++;
            }
            return c;
        }));
        // the academy would announce each graduate when the class ended
        DemoActor.run(COORDINATOR, () -> transaction.executeWithoutResult(tx -> graduates.keySet().forEach(officer ->
                events.publishEvent(new AcademyCompleted(officer.getId(), cohort.getId(), cohort.getName(),
                        cohort.getEndDate(), completedModules(officer.getId(), cohort.getId()))))));
        backdateClass(cohort);

        for (Map.Entry<Officer, Person> g : graduates.entrySet()) {
            Officer officer = g.getKey();
            Certification c = repository.findByOfficerId(officer.getId()).orElseThrow();
            DemoActor.run(COORDINATOR, () -> g.getValue().hours().forEach(ce -> {
                LocalDate on = c.getPeriodStart().plusMonths(ce.monthsIn());
                if (!on.isAfter(today.minusDays(2))) {
                    education.record(officer.getId(), new CeEntry(ce.category(), ce.title(), ce.provider(),
                            BigDecimal.valueOf(ce.hours()), on));
                }
            }));
            if (start != null && start.demoCso() != null && officer.getId().equals(start.demoCso().getId())) {
                demoCso(officer, c, today);
            } else if (g.getValue().fate() == Fate.GRACE) {
                submitted(officer, c, new Ce("ELECTIVE", "Crisis Intervention Team (CIT) 40-hour course, part 2",
                        "King County Crisis Intervention Team Center", 10, 0), today.minusDays(9), null);
            } else if (g.getValue().fate() == Fate.EXPIRING && g.getValue().hours().size() == 1) {
                submitted(officer, c, new Ce("DE_ESCALATION_REFRESHER", "Verbal de-escalation webinar", "PoliceOne Academy",
                        2, 0), today.minusDays(40), "The certificate shows neither the date nor the hours attended. "
                        + "Please upload the attendance certificate the provider e-mailed you.");
            } else if (g.getValue().fate() == Fate.REVOKED) {
                certifications.issueCertificate(c.getId()); // before the revocation ends the process that would issue it
                DemoActor.run("admin", () -> certifications.revoke(c.getId(), "Misconduct finding upheld by the Office "
                        + "of Police Accountability (case OPA 2025-0417); certification revoked pending appeal."));
            }
            backdateCertification(c, today);
        }
        return graduates.size();
    }

    /** Lucía Hernández: a certificate to download, hours partly done, one approved and one pending submission. */
    private void demoCso(Officer officer, Certification c, LocalDate today) {
        certifications.issueCertificate(c.getId());
        DemoActor.run(COORDINATOR, () -> {
            education.record(officer.getId(), new CeEntry(MIDYEAR.category(), MIDYEAR.title(), MIDYEAR.provider(),
                    BigDecimal.valueOf(16), c.getPeriodStart().plusMonths(5)));
            education.record(officer.getId(), new CeEntry(DE_ESCALATION.category(), DE_ESCALATION.title(),
                    DE_ESCALATION.provider(), BigDecimal.valueOf(4), today.minusMonths(2)));
        });
        submitted(officer, c, new Ce("ELECTIVE", "Mental Health First Aid (adult)", "National Council for Mental Wellbeing",
                8, 0), today.minusMonths(4), "");
        submitted(officer, c, new Ce("ELECTIVE", "Motivational interviewing for outreach workers",
                "King County Behavioral Health and Recovery", 6, 0), today.minusDays(10), null);
    }

    /**
     * Outside training the officer submits with evidence; {@code review} null leaves it pending,
     * empty approves it, text rejects it with that reason.
     */
    private void submitted(Officer officer, Certification c, Ce ce, LocalDate on, String review) {
        String username = people.loginOf(officer.getId()).map(a -> a.getUsername())
                .orElseGet(() -> DemoActor.as("hr", () -> people.createOfficerLogin(officer.getId()).username()));
        ContinuingEducationRecord saved = DemoActor.as(username, () -> education.submit(officer.getId(),
                new CeEntry(ce.category(), ce.title(), ce.provider(), BigDecimal.valueOf(ce.hours()), on),
                "certificate-of-attendance.pdf", "application/pdf", attendance(officer, ce, on)));
        if (review != null) {
            DemoActor.run(COORDINATOR, () -> education.review(saved.getId(), review.isEmpty(), review.isEmpty() ? null : review));
        }
        jdbc.update("update cso.ce_record set recorded_at = ? where id = ?", Timestamp.valueOf(on.plusDays(1).atTime(19, 20)),
                saved.getId());
        jdbc.update("update cso.ce_record set reviewed_at = ? where id = ? and reviewed_at is not null",
                Timestamp.valueOf(on.plusDays(4).atTime(9, 45)), saved.getId());
    }

    /** A one-page certificate of attendance, as the provider would have sent it. */
    private static byte[] attendance(Officer officer, Ce ce, LocalDate on) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(BOLD, 20);
                text.newLineAtOffset(72, 680);
                text.showText("Certificate of attendance");
                text.setFont(REGULAR, 12);
                for (String line : List.of(ascii(ce.provider()), "", "This certifies that " + ascii(officer.getFullName()),
                        "attended " + ascii(ce.title()), "on " + on + " for " + ce.hours() + " hours.")) {
                    text.newLineAtOffset(0, -24);
                    text.showText(line);
                }
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard PDF fonts only know Latin-1: fold accents away for the demo evidence. */
    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "");
    }

    private Officer hire(Person p, LocalDate hiredOn) {
        String email = (p.first() + "." + p.last()).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.org";
        return DemoActor.as("hr", () -> people.hire(new NewOfficer(p.first(), p.last(), email, null, p.district(),
                p.component(), p.shift(), SUPERVISOR, hiredOn, null)));
    }

    private String cohortName(LocalDate start) {
        String name = start.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + start.getYear() + " academy";
        Set<String> taken = new HashSet<>();
        academy.cohorts().forEach(c -> taken.add(c.getName()));
        return taken.contains(name) ? name.replace(" academy", " academy (second class)") : name;
    }

    private List<AcademyCompleted.CompletedModule> completedModules(Long officerId, Long cohortId) {
        List<AcademyCompleted.CompletedModule> modules = new ArrayList<>();
        for (ModuleResult r : academy.results(officerId)) {
            if (r.isPassed() && r.getCohortId().equals(cohortId)) {
                TrainingModule m = academy.moduleVersion(r.getModuleId());
                modules.add(new AcademyCompleted.CompletedModule(m.getCode(), m.getTitle(), m.getHours(), r.getScore()));
            }
        }
        return modules;
    }

    /** Dates as they would have been: the class was set up before it started, results on the day. */
    private void backdateClass(Cohort cohort) {
        jdbc.update("update cso.cohort set created_at = ? where id = ?",
                Timestamp.valueOf(cohort.getStartDate().minusWeeks(6).atTime(10, 0)), cohort.getId());
        jdbc.update("update cso.recruit set enrolled_at = ? where cohort_id = ?",
                Timestamp.valueOf(cohort.getStartDate().minusWeeks(1).atTime(9, 30)), cohort.getId());
        jdbc.update("update cso.module_result set recorded_at = assessed_on + time '16:45' where cohort_id = ?", cohort.getId());
    }

    /** Certified on the day the class ended; hours recorded a few days after each session. */
    private void backdateCertification(Certification c, LocalDate today) {
        Timestamp certified = Timestamp.valueOf(c.getCertifiedOn().atTime(17, 0));
        jdbc.update("update cso.certification set status_since = ? where id = ? and status = 'ACTIVE'", certified, c.getId());
        jdbc.update("update cso.certification_status_change set effective_at = ? where certification_id = ? and status = 'ACTIVE'",
                certified, c.getId());
        Timestamp revoked = Timestamp.valueOf(today.minusDays(19).atTime(14, 30));
        jdbc.update("update cso.certification set status_since = ? where id = ? and status = 'REVOKED'", revoked, c.getId());
        jdbc.update("update cso.certification_status_change set effective_at = ? where certification_id = ? and status = 'REVOKED'",
                revoked, c.getId());
        jdbc.update("update cso.ce_record set recorded_at = completed_on + time '15:10', reviewed_at = completed_on + time '15:10' "
                + "where officer_id = ? and source = 'RECORDED'", c.getOfficerId());
    }
}
