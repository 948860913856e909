package org.csotracker.certification;

import java.time.LocalDate;
import java.util.List;

import org.csotracker.academy.AcademyCompleted;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.TestUsers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Officers who just completed the academy, as the academy would announce them. */
final class Graduates {

    private Graduates() {
    }

    static Officer graduate(People people, ApplicationEventPublisher events, TransactionTemplate tx, String first,
                            String last, String supervisor, LocalDate completedOn) {
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer(first, last,
                first.toLowerCase() + "." + System.nanoTime() + "@example.org", null, "East",
                ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY, supervisor, completedOn.minusWeeks(9), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(),
                null, "Cohort Fall", completedOn, List.of()))));
        return officer;
    }
}
