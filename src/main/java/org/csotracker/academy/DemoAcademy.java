package org.csotracker.academy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.csotracker.demo.ConditionalOnDemoMode;
import org.csotracker.demo.DemoActor;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
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
 * Three demo cohorts, recorded by the demo coordinator: one that ended about two months ago (all
 * passed; the engine completes them when its job executor fires the past end-date timers), one in
 * its fifth week (results for the first modules, failures, a remediation, a dismissal) and one that
 * starts in three weeks, with the hiring demo's hires that are already officers. Runs once: it does
 * nothing when any cohort exists.
 */
@Component
@ConditionalOnDemoMode
@Order(40)
class DemoAcademy implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAcademy.class);

    static final String COORDINATOR = "coordinator";
    private static final String SUPERVISOR = "supervisor";
    private static final String LOCATION = "Seattle Police Training Center";
    private static final Map<String, String> INSTRUCTORS = Map.of(
            "POLICE-OPS", "Sgt. Whitfield",
            "DE-ESCALATION", "Ofc. Rivera",
            "MEDIATION", "Dr. Banks",
            "CRISIS-INTERVENTION", "Dr. Nakamura",
            "CULTURAL-COMPETENCY", "Prof. Alvarez",
            "SOCIAL-WORK", "K. Osei, MSW",
            "SELF-DEFENSE", "Ofc. Tanaka");

    private record Person(String first, String last, String district, ProgramComponent component, ShiftPattern shift) {
    }

    private static final List<Person> GRADUATES = List.of(
            new Person("Keanu", "Kahale", "South", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY),
            new Person("Yesenia", "Morales", "Southwest", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.TUE_SAT_DAY),
            new Person("Abdi", "Warsame", "East", ProgramComponent.YOUTH_SERVICES, ShiftPattern.MON_FRI_LATE),
            new Person("Mei", "Lin", "North", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_DAY),
            new Person("Darnell", "Hayes", "West", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.TUE_SAT_DAY));

    private static final List<Person> RECRUITS = List.of(
            new Person("Adaeze", "Nwosu", "South", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_DAY),
            new Person("Carlos", "Mendoza", "Southwest", ProgramComponent.YOUTH_SERVICES, ShiftPattern.TUE_SAT_DAY),
            new Person("Thuy", "Pham", "East", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_LATE),
            new Person("Jordan", "Whitehorse", "North", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_DAY),
            new Person("Sione", "Taufa", "South", ProgramComponent.YOUTH_SERVICES, ShiftPattern.TUE_SAT_LATE),
            new Person("Leila", "Haddad", "West", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY),
            new Person("Ryan", "O'Connell", "East", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.TUE_SAT_DAY),
            new Person("Guadalupe", "Ibarra", "Southwest", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_LATE),
            new Person("Min-jun", "Park", "North", ProgramComponent.YOUTH_SERVICES, ShiftPattern.MON_FRI_DAY));

    private static final List<Person> NEXT_CLASS = List.of(
            new Person("Esperanza", "Villanueva", "South", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_DAY),
            new Person("Malik", "Robinson", "East", ProgramComponent.YOUTH_SERVICES, ShiftPattern.TUE_SAT_DAY),
            new Person("Anh", "Vo", "West", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_LATE),
            new Person("Hamza", "Yusuf", "Southwest", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.MON_FRI_DAY));

    /** Hired last week and not yet in a cohort: the coordinator's waiting list. */
    private static final List<Person> WAITING = List.of(
            new Person("Naomi", "Goldberg", "North", ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.TUE_SAT_DAY),
            new Person("Tomás", "Herrera", "South", ProgramComponent.YOUTH_SERVICES, ShiftPattern.MON_FRI_DAY));

    private final Academy academy;
    private final People people;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoAcademy(Academy academy, People people, TransactionTemplate transaction, JdbcTemplate jdbc, Clock clock) {
        this.academy = academy;
        this.people = people;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!academy.cohorts().isEmpty()) {
            return;
        }
        if (!people.usernamesWithRole(Role.COORDINATOR).contains(COORDINATOR)) {
            log.warn("No demo coordinator login: demo cohorts not created");
            return;
        }
        List<Cohort> cohorts = DemoActor.as(COORDINATOR, () -> transaction.execute(tx -> seed()));
        // after the commit: results and enrollments dated as they would have been
        transaction.executeWithoutResult(tx -> cohorts.forEach(this::backdate));
        log.info("Demo academy: {} cohorts", cohorts.size());
    }

    private List<Cohort> seed() {
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Cohort> cohorts = new ArrayList<>();
        cohorts.add(graduated(monday.minusWeeks(17)));
        cohorts.add(midAcademy(monday.minusWeeks(4), today));
        cohorts.add(upcoming(monday.plusWeeks(3)));
        for (Person p : WAITING) {
            hire(p, today.minusDays(6));
        }
        return cohorts;
    }

    /** Ended about two months ago: everyone passed every module. */
    private Cohort graduated(LocalDate start) {
        Cohort cohort = cohort(start, 12);
        for (int i = 0; i < GRADUATES.size(); i++) {
            Officer officer = enroll(cohort, GRADUATES.get(i));
            for (TrainingModule module : modules(cohort)) {
                record(cohort, officer, module, Math.min(100, module.getPassingScore() + 6 + (i * 7 + module.getHours()) % 15), true);
            }
        }
        return cohort;
    }

    /** In week 5: the modules of weeks 1-4 are recorded, with failures, a remediation and a dismissal. */
    private Cohort midAcademy(LocalDate start, LocalDate today) {
        Cohort cohort = cohort(start, 24);
        int week = cohort.weekOf(today);
        List<Officer> recruits = new ArrayList<>();
        RECRUITS.forEach(p -> recruits.add(enroll(cohort, p)));
        Officer needsPlan = recruits.get(2);   // failed mediation: the remediation is still to plan
        Officer retakes = recruits.get(4);     // failed de-escalation's practical: remediation planned, retake due
        Officer dismissed = recruits.get(6);   // failed de-escalation twice: dismissed
        for (TrainingModule module : modules(cohort)) {
            if (module.getWeekTo() >= week) {
                continue; // not assessed yet
            }
            for (int i = 0; i < recruits.size(); i++) {
                Officer officer = recruits.get(i);
                if (officer == dismissed && academy.currentEnrollment(officer.getId()).orElseThrow().getStatus() != RecruitStatus.ENROLLED) {
                    continue;
                }
                int score = Math.min(100, module.getPassingScore() + 3 + (i * 5 + module.getHours()) % 17);
                boolean practical = true;
                if (module.getCode().equals("DE-ESCALATION") && officer == retakes) {
                    score = module.getPassingScore() + 2;
                    practical = false;
                } else if (module.getCode().equals("DE-ESCALATION") && officer == dismissed) {
                    score = module.getPassingScore() - 22;
                } else if (module.getCode().equals("MEDIATION") && officer == needsPlan) {
                    score = module.getPassingScore() - 13;
                }
                record(cohort, officer, module, score, practical);
                if (module.getCode().equals("DE-ESCALATION") && officer == retakes) {
                    academy.planRemediation(officer.getId(), module.getCode(), new Requests.RemediationPlan(
                            "Two coached scenario sessions with Ofc. Rivera (verbal de-escalation, body language), "
                                    + "then the practical assessment again.", today.plusDays(5)));
                } else if (module.getCode().equals("DE-ESCALATION") && officer == dismissed) {
                    academy.planRemediation(officer.getId(), module.getCode(), new Requests.RemediationPlan(
                            "Review the de-escalation workbook and one coached scenario; retake today.", today));
                    academy.recordResult(officer.getId(), module.getCode(), new ResultEntry(module.getPassingScore() - 19,
                            BigDecimal.valueOf(module.getHours()), today, INSTRUCTORS.get(module.getCode()), false,
                            "Escalated the landlord-tenant scenario again despite coaching."));
                }
            }
        }
        return cohort;
    }

    /** Starts in three weeks: new hires, and the hiring demo's hires that are officers already. */
    private Cohort upcoming(LocalDate start) {
        Cohort cohort = cohort(start, 20);
        for (Person p : NEXT_CLASS) {
            Officer officer = hire(p, start.minusWeeks(2));
            academy.enroll(cohort.getId(), officer.getId());
        }
        // hires happen on the engine's job executor: those not yet officers join the waiting list
        people.officersWithStatus(OfficerStatus.HIRED, 50).stream().filter(o -> o.getCandidateId() != null)
                .forEach(o -> academy.enroll(cohort.getId(), o.getId()));
        return cohort;
    }

    private Cohort cohort(LocalDate start, int capacity) {
        String month = start.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
        List<Requests.ScheduleLine> schedule = new ArrayList<>();
        for (TrainingModule m : academy.currentModules()) {
            if (!m.isActive()) {
                continue;
            }
            for (int week = m.getWeekFrom(); week <= m.getWeekTo(); week++) {
                schedule.add(new Requests.ScheduleLine(week, m.getCode(), INSTRUCTORS.getOrDefault(m.getCode(), "Academy staff"),
                        LOCATION));
            }
        }
        return academy.createCohort(new Requests.NewCohort(month + " " + start.getYear() + " academy", start, capacity,
                COORDINATOR, LOCATION, schedule));
    }

    private List<TrainingModule> modules(Cohort cohort) {
        List<String> codes = academy.cohortModules(cohort.getId());
        return academy.currentModules().stream().filter(m -> codes.contains(m.getCode())).toList();
    }

    private Officer enroll(Cohort cohort, Person person) {
        Officer officer = hire(person, cohort.getStartDate().minusWeeks(2));
        academy.enroll(cohort.getId(), officer.getId());
        return officer;
    }

    private Officer hire(Person p, LocalDate hiredOn) {
        String email = (p.first() + "." + p.last()).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.org";
        return DemoActor.as("hr", () -> people.hire(new NewOfficer(p.first(), p.last(), email, null, p.district(),
                p.component(), p.shift(), SUPERVISOR, hiredOn, null)));
    }

    /** The result of a module, assessed on the Friday of its last week (never after today). */
    private void record(Cohort cohort, Officer officer, TrainingModule module, int score, boolean practical) {
        LocalDate friday = cohort.getStartDate().plusWeeks(module.getWeekTo() - 1L).plusDays(4);
        LocalDate today = LocalDate.now(clock);
        academy.recordResult(officer.getId(), module.getCode(), new ResultEntry(score,
                BigDecimal.valueOf(module.getHours() - (score % 3 == 0 ? 2 : 0)), friday.isAfter(today) ? today : friday,
                INSTRUCTORS.getOrDefault(module.getCode(), "Academy staff"),
                module.isPracticalRequired() ? practical : null, null));
    }

    private void backdate(Cohort cohort) {
        jdbc.update("update cso.cohort set created_at = ? where id = ?",
                java.sql.Timestamp.valueOf(cohort.getStartDate().minusWeeks(6).atTime(10, 0)), cohort.getId());
        jdbc.update("update cso.recruit set enrolled_at = ? where cohort_id = ?",
                java.sql.Timestamp.valueOf(cohort.getStartDate().minusWeeks(1).atTime(9, 30)), cohort.getId());
        jdbc.update("update cso.module_result set recorded_at = assessed_on + time '16:45' where cohort_id = ? "
                + "and assessed_on < current_date", cohort.getId());
    }
}
