package org.csotracker.hiring;

import java.time.LocalDate;
import java.util.List;

import org.csotracker.demo.ConditionalOnDemoMode;
import org.csotracker.demo.DemoActor;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.ShiftPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A living pipeline for demo mode: candidates in every stage, some overdue, some closed, each
 * with a believable history spread over the last weeks.
 */
@Component
@ConditionalOnDemoMode
@Order(30)
class DemoCandidates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCandidates.class);

    /** first, last, languages, outreach years, crisis years, district, how far they get, days ago */
    private record Seed(String first, String last, String languages, int outreach, int crisis, String district,
                        String path, int daysAgo) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("Amara", "Okafor", "English, Igbo", 4, 2, "South", "SCREENING", 2),
            new Seed("Diego", "Ramírez", "English, Spanish", 2, 0, "Southwest", "SCREENING", 1),
            new Seed("Hana", "Kobayashi", "English, Japanese", 0, 1, "North", "SCREENING", 3),
            new Seed("Marcus", "Johnson", "English", 6, 3, "East", "SCREENING", 5),
            new Seed("Linh", "Trần", "English, Vietnamese", 3, 1, "South", "BACKGROUND_CHECK", 12),
            new Seed("Fatima", "Hassan", "English, Somali, Arabic", 5, 4, "Southwest", "BACKGROUND_CHECK", 25),
            new Seed("Noah", "Begay", "English, Navajo", 1, 0, "North", "BACKGROUND_CHECK", 9),
            new Seed("Sofia", "Castillo", "English, Spanish", 3, 2, "West", "INTERVIEW", 20),
            new Seed("Tevita", "Fifita", "English, Tongan", 2, 1, "South", "INTERVIEW", 18),
            new Seed("Grace", "Lee", "English, Korean", 4, 3, "East", "UNION_VETTING", 30),
            new Seed("Jamal", "Washington", "English", 7, 2, "East", "UNION_OBJECTION", 33),
            new Seed("Olga", "Petrenko", "English, Ukrainian, Russian", 2, 5, "North", "OFFER", 35),
            new Seed("Samuel", "Tesfaye", "English, Amharic", 3, 3, "South", "OFFER_EXTENDED", 38),
            new Seed("María José", "Núñez", "English, Spanish", 5, 1, "West", "HIRED", 45),
            new Seed("Kwame", "Mensah", "English, Twi", 4, 2, "Southwest", "HIRED", 48),
            new Seed("Ingrid", "Sørensen", "English, Norwegian", 2, 2, "North", "HIRED", 50),
            new Seed("Brandon", "Miller", "English", 0, 0, "East", "REJECT_SCREENING", 15),
            new Seed("Aisha", "Mohamed", "English, Somali", 3, 1, "South", "REJECT_BACKGROUND", 28),
            new Seed("Tyler", "Nguyen", "English, Vietnamese", 1, 1, "West", "REJECT_INTERVIEW", 26),
            new Seed("Rosa", "Delgado", "English, Spanish", 2, 0, "Southwest", "WITHDRAWN", 22),
            new Seed("Ethan", "Brooks", "English", 3, 1, "North", "DECLINED", 40),
            new Seed("Priya", "Sharma", "English, Hindi, Punjabi", 2, 3, "East", "EXPIRED", 44));

    private final Hiring hiring;
    private final CandidateRepository candidates;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    DemoCandidates(Hiring hiring, CandidateRepository candidates, TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.hiring = hiring;
        this.candidates = candidates;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (candidates.count() > 0) {
            return;
        }
        for (Seed seed : SEEDS) {
            Long id = DemoActor.as("hr", () -> transaction.execute(tx -> seed(seed)));
            // after the commit, so the entity's own update does not overwrite the dates
            transaction.executeWithoutResult(tx -> backdate(id, seed));
        }
        log.info("Demo hiring pipeline: {} candidates", SEEDS.size());
    }

    private Long seed(Seed s) {
        String email = (s.first() + "." + s.last()).toLowerCase().replaceAll("[^a-z.]", "") + "@example.org";
        Candidate c = hiring.apply(new NewApplication(s.first(), s.last(), email, "206-555-01" + (10 + SEEDS.indexOf(s)),
                s.languages(), s.outreach(), s.crisis(), s.outreach() == 0 ? Education.HIGH_SCHOOL : Education.ASSOCIATE,
                true, true, s.district(), "I want to help my neighbors get the right help at the right time.",
                s.languages().contains("Spanish") ? "es" : "en", true), ApplicationSource.WEB);
        Long id = c.getId();
        switch (s.path()) {
            case "REJECT_SCREENING" -> hiring.screen(id, new Steps.Screening(false, RejectionReason.STRONGER_CANDIDATES, null));
            case "WITHDRAWN" -> {
                advance(id, "INTERVIEW");
                hiring.withdraw(id, new Steps.Withdrawal("Accepted a position with King County"));
            }
            case "REJECT_BACKGROUND" -> {
                advance(id, "BACKGROUND_CHECK");
                hiring.recordBackgroundCheck(id, new Steps.BackgroundCheck(false, "Disqualifying driving record"));
            }
            case "REJECT_INTERVIEW" -> {
                advance(id, "INTERVIEW");
                hiring.recordInterview(id, new Steps.Interview(48, InterviewRecommendation.DO_NOT_RECOMMEND,
                        "Sgt. Whitfield, H. Okafor", "De-escalation scenario went poorly"));
            }
            case "DECLINED" -> {
                advance(id, "OFFER_EXTENDED");
                hiring.recordOfferResponse(id, new Steps.OfferResponse(false, "Relocating to Portland"));
            }
            case "EXPIRED" -> {
                advance(id, "OFFER");
                hiring.extendOffer(id, new OfferTerms(LocalDate.now().plusWeeks(2), null,
                        java.time.OffsetDateTime.now().plusMinutes(2), "East", "supervisor", ShiftPattern.MON_FRI_LATE,
                        ProgramComponent.YOUTH_SERVICES)); // the engine rescinds it two minutes after start
            }
            case "HIRED" -> {
                advance(id, "OFFER_EXTENDED");
                hiring.recordOfferResponse(id, new Steps.OfferResponse(true, "Accepted by phone"));
            }
            default -> advance(id, s.path());
        }
        return id;
    }

    /** One background check is past its SLA, so the engine escalates it shortly after start. */
    private void makeBackgroundCheckOverdue(Long id, String processInstanceId) {
        jdbc.update("update cso.candidate set due_at = now() - interval '3 days' where id = ?", id);
        jdbc.update("update public.act_ru_job set duedate_ = now() - interval '3 days' "
                + "where process_instance_id_ = ? and type_ = 'timer'", processInstanceId);
    }

    private void advance(Long id, String target) {
        List<String> order = List.of("SCREENING", "BACKGROUND_CHECK", "INTERVIEW", "UNION_VETTING", "OFFER", "OFFER_EXTENDED");
        if (target.equals("UNION_OBJECTION")) {
            advance(id, "UNION_VETTING");
            hiring.recordUnionVetting(id, new Steps.UnionVetting(false, null, "Asks to confirm the posting followed the seniority list"));
            return;
        }
        for (String stage : order) {
            if (stage.equals(target)) {
                return;
            }
            switch (stage) {
                case "SCREENING" -> hiring.screen(id, new Steps.Screening(true, null, null));
                case "BACKGROUND_CHECK" -> hiring.recordBackgroundCheck(id, new Steps.BackgroundCheck(true, null));
                case "INTERVIEW" -> hiring.recordInterview(id, new Steps.Interview(70 + (int) (id % 25),
                        InterviewRecommendation.RECOMMEND, "Sgt. Whitfield, H. Okafor", null));
                case "UNION_VETTING" -> hiring.recordUnionVetting(id, new Steps.UnionVetting(true, null, null));
                case "OFFER" -> hiring.extendOffer(id, new OfferTerms(LocalDate.now().plusWeeks(2), null, null,
                        "South", "supervisor", ShiftPattern.TUE_SAT_DAY, ProgramComponent.SYSTEM_NAVIGATOR));
                default -> throw new IllegalStateException(stage);
            }
        }
    }

    /**
     * Spreads the case over the past weeks: applied {@code daysAgo}, each stage in turn, the current
     * one entered about a third of that ago.
     */
    private void backdate(Long id, Seed s) {
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant applied = now.minus(java.time.Duration.ofDays(s.daysAgo()));
        java.time.Instant current = now.minus(java.time.Duration.ofDays(Math.max(1, s.daysAgo() / 3)));
        List<Long> visits = jdbc.queryForList("select id from cso.candidate_stage where candidate_id = ? order by id",
                Long.class, id);
        long step = visits.size() < 2 ? 0 : java.time.Duration.between(applied, current).toSeconds() / (visits.size() - 1);
        for (int i = 0; i < visits.size(); i++) {
            java.time.Instant entered = applied.plusSeconds(step * i);
            java.sql.Timestamp left = i + 1 < visits.size() ? java.sql.Timestamp.from(applied.plusSeconds(step * (i + 1))) : null;
            jdbc.update("update cso.candidate_stage set entered_at = ?, left_at = ? where id = ?",
                    java.sql.Timestamp.from(entered), left, visits.get(i));
        }
        jdbc.update("update cso.candidate set applied_at = ?, consented_at = ?, stage_entered_at = ? where id = ?",
                java.sql.Timestamp.from(applied), java.sql.Timestamp.from(applied),
                java.sql.Timestamp.from(visits.size() < 2 ? applied : current), id);
        if (s.path().equals("BACKGROUND_CHECK") && s.daysAgo() > 20) {
            makeBackgroundCheckOverdue(id, jdbc.queryForObject(
                    "select process_instance_id from cso.candidate where id = ?", String.class, id));
        }
    }

}
