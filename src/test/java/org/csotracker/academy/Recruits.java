package org.csotracker.academy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.TestUsers;

/** Test officers and cohorts for the academy. */
public final class Recruits {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Recruits() {
    }

    public static Officer hire(People people, String first, String last, String supervisor) {
        Officer[] officer = new Officer[1];
        TestUsers.asSystem(() -> officer[0] = people.hire(new NewOfficer(first, last,
                first.toLowerCase() + SEQUENCE.incrementAndGet() + "@example.org", null, "North",
                ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY, supervisor, LocalDate.now(), null)));
        return officer[0];
    }

    /** A cohort teaching two modules (de-escalation in week 1, cultural competency in week 2). */
    public static Cohort cohort(Academy academy, String coordinator, LocalDate start, int capacity) {
        Cohort[] cohort = new Cohort[1];
        TestUsers.asSystem(() -> cohort[0] = academy.createCohort(new Requests.NewCohort(
                "Cohort " + SEQUENCE.incrementAndGet() + " " + System.nanoTime(), start, capacity, coordinator,
                "Training center", List.of(
                        new Requests.ScheduleLine(1, "DE-ESCALATION", "Ofc. Rivera", "Room 2"),
                        new Requests.ScheduleLine(2, "CULTURAL-COMPETENCY", "Dr. Banks", "Room 3")))));
        return cohort[0];
    }

    public static ResultEntry score(int score) {
        return new ResultEntry(score, new BigDecimal("32"), LocalDate.now(), "Ofc. Rivera", score >= 50, null);
    }
}
