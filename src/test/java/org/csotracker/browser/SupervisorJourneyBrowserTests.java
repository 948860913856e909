package org.csotracker.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.csotracker.academy.AcademyCompleted;
import org.csotracker.notifications.Notifications;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor checks their unit's readiness, opens an officer and reads a notification; every page
 * passes the accessibility check. Screenshots go to docs/images.
 */
@CsoTrackerServerTest
class SupervisorJourneyBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Notifications notifications;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aSupervisorSeesOnlyTheirUnitAndFollowsANotification() throws IOException {
        String supervisor = users.ensure("sup-journey-" + System.nanoTime() % 100000, Set.of(Role.SUPERVISOR), null);
        Officer mine = certified("Dana", "Unit" + System.nanoTime() % 100000, supervisor);
        Officer other = certified("Eli", "Elsewhere" + System.nanoTime() % 100000, users.staff(Role.SUPERVISOR));
        TestUsers.asSystem(() -> notifications.notifyUser(supervisor, mine.getFullName() + "'s certification expires in 30 days",
                "Missing: 8 h", "/certification/officers/" + mine.getId()));

        try (Browser browser = Browser.start(port)) {
            browser.login(supervisor, TestUsers.PASSWORD);
            assertThat(browser.headings()).contains("My unit's readiness");
            browser.click("See readiness");
            assertThat(browser.headings()).contains("My unit's readiness");
            assertThat(browser.text()).contains(mine.getFullName()).doesNotContain(other.getFullName());
            AdminJourneyBrowserTests.docs(browser, "supervisor-readiness");

            browser.click(mine.getFullName());
            assertThat(browser.path()).isEqualTo("/certification/officers/" + mine.getId());
            assertThat(browser.headings()).contains(mine.getFullName());
            AdminJourneyBrowserTests.docs(browser, "supervisor-officer");

            browser.open("/certification/officers/" + other.getId());
            assertThat(browser.text()).doesNotContain(other.getFullName());

            browser.open("/notifications");
            assertThat(browser.driver().findElement(By.cssSelector("nav")).getText()).contains("Notifications");
            assertThat(browser.text()).contains(mine.getFullName() + "'s certification expires in 30 days");
            AdminJourneyBrowserTests.docs(browser, "supervisor-notifications");
        }
    }

    private Officer certified(String first, String last, String supervisor) {
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer(first, last,
                first.toLowerCase() + "." + System.nanoTime() + "@example.org", null, "West", ProgramComponent.COMMUNITY_ENGAGEMENT,
                ShiftPattern.MON_FRI_DAY, supervisor, LocalDate.now().minusMonths(3), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(), null,
                "Cohort Winter", LocalDate.now().minusMonths(1), List.of()))));
        return officer;
    }
}
