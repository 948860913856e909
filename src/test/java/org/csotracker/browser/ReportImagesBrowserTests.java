package org.csotracker.browser;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Requests;
import org.csotracker.academy.ResultEntry;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.Steps;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each dashboard draws its charts (Chart.js, served by the app) in a real browser; the pictures
 * become docs/images for docs/reports.md.
 */
@CsoTrackerServerTest
class ReportImagesBrowserTests {

    private static boolean seeded;

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    Hiring hiring;
    @Autowired
    People people;
    @Autowired
    Academy academy;
    @Autowired
    ContinuingEducation education;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @CsvSource({"HR, /reports/hiring, report-hiring", "COORDINATOR, /reports/academy, report-academy",
            "COORDINATOR, /reports/certification, report-certification",
            "COORDINATOR, /reports/continuing-education, report-continuing-education"})
    void everyDashboardDrawsItsCharts(Role role, String path, String image) throws Exception {
        try (Browser browser = Browser.start(port)) {
            browser.resize(new Dimension(1400, 1000));
            browser.login(users.staff(role), TestUsers.PASSWORD).open(path);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.cssSelector("canvas[data-chart-for]")).stream()
                            .allMatch(c -> "true".equals(c.getDomAttribute("data-drawn"))));
            assertThat(browser.driver().findElements(By.cssSelector("canvas[data-drawn]"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("table caption"))).isNotEmpty();
            Path docs = GuideScreenshots.save(browser.screenshot(image), image);
            assertThat(Files.size(docs)).isGreaterThan(10_000);
        }
    }

    /** A small program: candidates in the pipeline, a cohort with results, certified officers with training. */
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        TestUsers.asSystem(this::seedAll);
    }

    private void seedAll() {
        String[][] names = {{"Amara", "Okafor"}, {"Diego", "Ramírez"}, {"Mei", "Chen"}, {"Jonas", "Berg"},
                {"Fatima", "Haddad"}, {"Liam", "O'Neill"}, {"Sofía", "Torres"}, {"Kwame", "Mensah"}};
        for (int i = 0; i < names.length; i++) {
            var candidate = hiring.apply(Applicants.strong(names[i][0], names[i][1]), ApplicationSource.HR);
            if (i < 6) {
                hiring.screen(candidate.getId(), new Steps.Screening(true, null, null));
            }
            if (i < 3) {
                hiring.recordBackgroundCheck(candidate.getId(), new Steps.BackgroundCheck(true, null));
            }
            // as if they had applied weeks ago: each stay a few days long
            jdbc.update("update cso.candidate_stage set entered_at = entered_at - make_interval(days => ?) where candidate_id = ?",
                    3 + (i * 5) % 11, candidate.getId());
        }
        String coordinator = users.staff(Role.COORDINATOR);
        Cohort cohort = academy.createCohort(new Requests.NewCohort("Report cohort " + System.nanoTime(), LocalDate.now(), 20,
                coordinator, "Training center", List.of(new Requests.ScheduleLine(1, "DE-ESCALATION", "Ofc. Rivera", "Room 2"),
                new Requests.ScheduleLine(2, "CULTURAL-COMPETENCY", "Dr. Banks", "Room 3"))));
        int[] scores = {95, 88, 76, 64, 42, 91};
        for (int i = 0; i < scores.length; i++) {
            Officer recruit = hire("Recruit", "Number " + (i + 1), LocalDate.now());
            academy.enroll(cohort.getId(), recruit.getId());
            academy.recordResult(recruit.getId(), "DE-ESCALATION", new ResultEntry(scores[i], new BigDecimal("32"),
                    LocalDate.now(), "Ofc. Rivera", scores[i] >= 50, null));
            int second = Math.min(100, scores[(i + 2) % scores.length] + 8);
            academy.recordResult(recruit.getId(), "CULTURAL-COMPETENCY", new ResultEntry(second, new BigDecimal("24"),
                    LocalDate.now(), "Dr. Banks", null, null));
        }
        int[] daysLeft = {12, 26, 41, 63, 85, 200, 400, 600};
        String[] categories = {"MIDYEAR_PROGRAM", "DE_ESCALATION_REFRESHER", "ELECTIVE"};
        for (int i = 0; i < daysLeft.length; i++) {
            LocalDate completed = LocalDate.now().minusMonths(24).plusDays(daysLeft[i]);
            Officer officer = hire("Certified", "Officer " + (i + 1), completed.minusWeeks(9));
            tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(), null, "Cohort Spring",
                    completed, List.of())));
            // certified on the day the class ended, as the demo data has it
            jdbc.update("update cso.certification_status_change s set effective_at = c.certified_on + time '17:00' "
                    + "from cso.certification c where c.id = s.certification_id and c.officer_id = ?", officer.getId());
            education.record(officer.getId(), new CeEntry(categories[i % 3], "Course " + i, "State academy",
                    new BigDecimal(4 + i % 4), LocalDate.now().minusDays(10 + i * 20L)));
        }
    }

    private Officer hire(String first, String last, LocalDate hiredOn) {
        return people.hire(new NewOfficer(first, last, first.toLowerCase() + System.nanoTime() + "@example.org", null, "East",
                ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY, users.staff(Role.SUPERVISOR), hiredOn, null));
    }
}
