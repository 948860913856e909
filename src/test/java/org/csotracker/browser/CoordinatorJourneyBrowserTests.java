package org.csotracker.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyReports;
import org.csotracker.academy.AcademyReports.CellState;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training coordinator's day in a real browser: a cohort of 30 recruits, a whole module's results
 * entered in the bulk form (three of them failures), the grid and its progress bars, a CSV upload,
 * the grid on a phone (it scrolls inside its box), and a failed recruit's page with the BPMN diagram
 * and the remediation form. Each step a new coordinator takes is saved as
 * {@code docs/images/guide-coordinator-<nn>-<step>.png} for {@code docs/guides/coordinator.md} (at
 * desktop size); the phone-width pages go to {@code target/screenshots/academy-*-phone*.png}.
 */
@CsoTrackerServerTest
class CoordinatorJourneyBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<String> FIRST_NAMES = List.of("Amara", "Bao", "Carmen", "Dawit", "Elena", "Farid", "Gabriela",
            "Hiroshi", "Imani", "Javier", "Kalani", "Leilani", "Mateo", "Nadia", "Oluwaseun", "Paulo", "Quynh", "Rashid",
            "Siobhan", "Tariq", "Ulani", "Valentina", "Wei", "Ximena", "Yusuf", "Zainab", "Andrés", "Beatriz", "Chidi",
            "Dolores");
    private static final String DE_ESCALATION = "DE-ESCALATION";

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    Academy academy;
    @Autowired
    AcademyReports reports;
    @Autowired
    People people;

    Browser browser;

    @Test
    void aCoordinatorEntersAWholeModuleForThirtyRecruitsAndFollowsUpAFailure() throws IOException {
        String coordinator = users.staff(Role.COORDINATOR);
        String supervisor = users.staff(Role.SUPERVISOR);
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(1), 30);
        String family = "Journey" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        List<Officer> recruits = new ArrayList<>();
        for (String first : FIRST_NAMES) {
            Officer officer = Recruits.hire(people, first, family, supervisor);
            TestUsers.asSystem(() -> academy.enroll(cohort.getId(), officer.getId()));
            recruits.add(officer);
        }
        // three failures: two scores below the pass mark of 80, one failed practical
        Map<Integer, String> lowScores = Map.of(4, "62", 13, "71");
        int failedPractical = 22;
        Officer followedUp = recruits.get(4);

        try (Browser b = Browser.start(port)) {
            browser = b;
            GuideScreenshots guide = new GuideScreenshots(browser, "coordinator");
            browser.login(coordinator, TestUsers.PASSWORD);
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.headings()).contains("Academy");
            assertThat(browser.link("Open cohorts").getDomAttribute("href")).isEqualTo("/academy");
            guide.step(1, "home");
            browser.click("Academy");
            assertThat(browser.path()).isEqualTo("/academy");
            assertThat(browser.headings()).contains("Academy cohorts", "Create a cohort");
            assertThat(browser.text()).contains(cohort.getName(), "Week 2 of 8", "30 enrolled of 30 places");
            guide.step(2, "cohorts");
            browser.click(cohort.getName());
            assertThat(browser.path()).isEqualTo("/academy/cohorts/" + cohort.getId());
            assertThat(browser.headings()).contains(cohort.getName(), "Progress: recruits × modules", "Schedule");
            assertThat(cells("not_started")).isEqualTo(60);
            guide.step(3, "cohort");

            // ---- the bulk form for de-escalation ------------------------------------------------
            new Select(browser.field("Module")).selectByVisibleText("De-escalation (Week 1)");
            browser.click("Show this module");
            assertThat(browser.path()).isEqualTo("/academy/cohorts/" + cohort.getId() + "?module=" + DE_ESCALATION);
            assertThat(browser.headings()).contains("Enter results: De-escalation");
            assertThat(browser.field("Instructor (required)").getDomProperty("value")).isEqualTo("Ofc. Rivera");
            for (int i = 0; i < recruits.size(); i++) {
                String name = recruits.get(i).getFullName();
                browser.field("Score for " + name).sendKeys(lowScores.getOrDefault(i, Integer.toString(80 + i % 20)));
                assertThat(browser.field("Hours attended by " + name).getDomProperty("value")).isEqualTo("32");
                new Select(browser.field("Practical of " + name)).selectByVisibleText(i == failedPractical ? "Failed" : "Passed");
            }
            browser.field("Notes on " + followedUp.getFullName()).sendKeys("Struggled with the crowd scenario");
            browser.script("document.getElementById('bulk').scrollIntoView()");
            guide.step(4, "bulk-form");
            browser.click("Record results");

            assertThat(browser.messages()).contains("De-escalation: 30 results recorded (27 passed, 3 failed).");
            assertThat(cells("passed")).isEqualTo(27);
            assertThat(cells("failed")).isEqualTo(3);
            assertThat(cells("not_started")).isEqualTo(30);
            WebElement header = browser.driver().findElements(By.cssSelector(".academy-grid thead .module-col")).get(0);
            assertThat(header.getText()).contains("De-escalation", "27 of 30 passed (90%)");
            assertThat(header.findElement(By.cssSelector("[role=progressbar]")).getDomAttribute("aria-valuenow")).isEqualTo("90");
            assertThat(row(followedUp).getText()).contains("Failed: remediation due 62", "0 of 2 (0%)");
            assertThat(row(recruits.get(0)).getText()).contains("Passed 80", "1 of 2 (50%)");
            assertThat(row(recruits.get(0)).findElement(By.cssSelector(".overall-col [role=progressbar]"))
                    .getDomAttribute("aria-valuenow")).isEqualTo("50");
            WebElement bar = row(recruits.get(0)).findElement(By.cssSelector(".overall-col .progress-bar"));
            assertThat(bar.getSize().getWidth()).as("the bar is drawn half full").isPositive();
            assertThat(browser.text()).contains("No result is open for this module");
            browser.script("window.scrollTo(0, 0)");
            guide.step(5, "grid");

            // ---- a CSV upload for the second module ---------------------------------------------
            Path csv = Files.createTempFile("cultural", ".csv");
            try {
                StringBuilder lines = new StringBuilder("employee_number,score,hours_attended,assessed_on,instructor,practical_passed,notes\n");
                for (Officer officer : recruits.subList(0, 3)) {
                    lines.append(officer.getEmployeeNumber()).append(",88,24,").append(LocalDate.now()).append(",Dr. Banks,,\n");
                }
                Files.writeString(csv, lines);
                new Select(browser.field("Module (required)")).selectByVisibleText("Institutional racism & cultural competency");
                browser.field("CSV file (required)").sendKeys(csv.toString());
                browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.button("Upload results"));
                guide.step(6, "csv-upload");
                browser.click("Upload results");
            } finally {
                Files.deleteIfExists(csv);
            }
            assertThat(browser.messages()).singleElement().asString().startsWith("Institutional racism & cultural competency (from ")
                    .endsWith("3 results recorded (3 passed, 0 failed).");
            assertThat(cells("passed")).isEqualTo(30);
            assertThat(row(recruits.get(0)).getText()).contains("2 of 2 (100%)");

            // ---- on a phone the grid scrolls inside its box, not the page -----------------------
            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            assertThat(browser.scrollsHorizontally()).as(() -> "cohort page scrolls sideways at 390 px: " + overflowing()).isFalse();
            WebElement scroller = browser.driver().findElement(By.cssSelector(".grid-scroll"));
            assertThat((Boolean) browser.script("return arguments[0].scrollWidth > arguments[0].clientWidth", scroller))
                    .as("the grid is wider than the phone and scrolls in its container").isTrue();
            browser.script("arguments[0].scrollIntoView()", scroller);
            assertThat(browser.screenshot("academy-grid-phone")).isNotEmptyFile();
            browser.script("arguments[0].scrollLeft = 150", scroller);
            assertThat(((Number) browser.script("return arguments[0].scrollLeft", scroller)).intValue()).isPositive();
            assertThat(browser.driver().findElement(By.cssSelector(".academy-grid tbody .recruit-col")).isDisplayed())
                    .as("names stay in view while the modules scroll").isTrue();
            assertThat(browser.screenshot("academy-grid-phone-scrolled")).isNotEmptyFile();
            browser.resize(Browser.DESKTOP);
            browser.driver().navigate().refresh();

            // ---- the failed recruit: diagram and remediation form ------------------------------
            browser.click(followedUp.getFullName());
            assertThat(browser.path()).isEqualTo("/academy/recruits/" + followedUp.getId());
            assertThat(browser.headings()).contains(followedUp.getFullName(), "Open steps", "Plan remediation: De-escalation",
                    "Record a result", "Transcript", "Enrollments");
            assertThat(currentSteps()).containsExactlyInAnyOrder("Task_PlanRemediation", "Task_RecordModuleResult");
            assertThat(browser.text()).contains("✗ Failed", "Struggled with the crowd scenario", "Ofc. Rivera", coordinator);
            guide.step(7, "recruit");

            browser.field("Remediation plan (required)").sendKeys("Two coached scenario sessions, then the retake.");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.button("Plan remediation"));
            guide.step(8, "remediation-form");
            browser.click("Plan remediation");
            assertThat(browser.messages()).singleElement().asString().startsWith("Remediation for De-escalation planned");
            assertThat(currentSteps()).containsExactlyInAnyOrder("Task_RecordRetakeResult", "Task_RecordModuleResult");
            assertThat(browser.text()).contains("Two coached scenario sessions, then the retake.");
            assertThat(new Select(browser.field("Module (required)")).getOptions()).extracting(WebElement::getText)
                    .anySatisfy(o -> assertThat(o).startsWith("De-escalation (retake)"));
            guide.step(9, "remediation-planned");

            browser.click("Academy");
            browser.click("Module catalog");
            assertThat(browser.headings()).contains("Module catalog", "De-escalation", "Add a module");
            guide.step(10, "modules");

            browser.resize(Browser.PHONE);
            browser.open("/academy/recruits/" + followedUp.getId());
            currentSteps();
            assertThat(browser.scrollsHorizontally()).as(() -> "recruit page scrolls sideways at 390 px: " + overflowing()).isFalse();
            assertThat(browser.screenshot("academy-recruit-phone")).isNotEmptyFile();
        }
        AcademyReports.Grid grid = reports.grid(cohort.getId());
        assertThat(grid.rows()).filteredOn(r -> r.officerId().equals(followedUp.getId())).singleElement()
                .satisfies(r -> assertThat(r.cells().get(0).state()).isEqualTo(CellState.RETAKE_DUE));
    }

    /**
     * The elements reaching past the right edge of the viewport, outside boxes that scroll themselves
     * (an absolutely positioned element escapes such a box unless the box is positioned).
     */
    private Object overflowing() {
        return browser.script("""
                const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
                const width = document.documentElement.clientWidth;
                return [document.documentElement.scrollWidth + ' wide, ' + width + ' visible'].concat([...document.querySelectorAll('body *')]
                    .filter((e) => e.getBoundingClientRect().right > width
                        && (!scrolls(e) || getComputedStyle(e).position === 'absolute')).slice(0, 8)
                    .map((e) => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)));
                """);
    }

    /** How many grid cells are in a state (the CSS class the state gives a cell). */
    private int cells(String state) {
        return browser.driver().findElements(By.cssSelector(".academy-grid .cell-" + state)).size();
    }

    private WebElement row(Officer officer) {
        return browser.driver().findElement(By.xpath("//table[contains(@class,'academy-grid')]//tr[th/a[normalize-space()="
                + Browser.xpathLiteral(officer.getFullName()) + "]]"));
    }

    /** Waits for bpmn-js to draw the diagram, then returns the steps it marks as current. */
    private List<String> currentSteps() {
        WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
        wait.withMessage("the BPMN diagram to render").until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector(".bpmn-diagram svg .djs-shape"), 10));
        wait.withMessage("the current steps to be marked").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".bpmn-diagram .step-current")));
        assertThat(browser.driver().findElement(By.cssSelector(".bpmn-diagram")).getText()).doesNotContain("could not be shown");
        return browser.driver().findElements(By.cssSelector(".bpmn-diagram .step-current")).stream()
                .map(e -> e.getDomAttribute("data-element-id")).toList();
    }
}
