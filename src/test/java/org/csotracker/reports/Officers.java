package org.csotracker.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.csotracker.academy.AcademyCompleted;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.TestUsers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Officers for report tests: hired, and certified as the academy would announce them. */
final class Officers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Officers() {
    }

    /** Certified on {@code completedOn}: the 24-month period ends 24 months later. */
    static Officer certified(People people, ApplicationEventPublisher events, TransactionTemplate tx, String first,
                             String last, String supervisor, LocalDate completedOn) {
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer(first, last,
                "report" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.org", null, "South",
                ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY, supervisor, completedOn.minusWeeks(9), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(),
                null, "Cohort Reports", completedOn, List.of()))));
        return officer;
    }

    /** Certified so that the period ends {@code daysLeft} days from today. */
    static Officer expiringIn(People people, ApplicationEventPublisher events, TransactionTemplate tx, String first,
                              String last, String supervisor, int daysLeft) {
        return certified(people, events, tx, first, last, supervisor, LocalDate.now().minusMonths(24).plusDays(daysLeft));
    }
}
