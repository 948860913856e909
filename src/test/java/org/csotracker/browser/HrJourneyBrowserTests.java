package org.csotracker.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.HiringProcess;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole hiring journey in a real browser: a candidate applies on the public form, HR finds them
 * on the pipeline board and moves them through every step to the offer and its acceptance; the
 * hire job runs and the candidate page shows the new CSO login. Each step a new HR user takes is
 * saved as {@code docs/images/guide-hr-<nn>-<step>.png} for {@code docs/guides/hr.md} (at desktop
 * size); the phone-width pages go to {@code target/screenshots/hr-journey-*-phone-*.png}.
 */
@CsoTrackerServerTest
class HrJourneyBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @Test
    void aCandidateAppliesOnlineAndHrTakesThemThroughEveryStepToHired() {
        String supervisor = users.staff(Role.SUPERVISOR);
        String hr = users.staff(Role.HR);
        String first = "Journey";
        String last = "Okafor" + randomLetters();
        String name = first + " " + last;
        String email = Applicants.uniqueEmail(last);

        try (Browser b = Browser.start(port)) {
            browser = b;
            GuideScreenshots guide = new GuideScreenshots(browser, "hr");

            // ---- the candidate applies, signed out -------------------------------------------
            browser.open("/apply");
            type("First name (required)", first);
            type("Last name (required)", last);
            type("E-mail (required)", email);
            type("Phone", "206-555-0142");
            type("Languages you speak (separate with commas) (required)", "English, Somali");
            type("Years of community engagement experience (required)", "4");
            type("Years of mental-health or crisis-resolution experience (required)", "2");
            select("Highest education completed (required)", "Associate degree");
            choose("Are you at least 18 years old?", "Yes");
            choose("Are you authorized to work in the United States?", "Yes");
            select("District you would like to serve", "South");
            type("Why do you want to be a Community Service Officer?", "I have run youth programs in Rainier Valley.");
            browser.driver().findElement(By.id("consent")).click(); // "I agree that the department stores ..."
            assertThat(browser.driver().findElement(By.id("consent")).isSelected()).isTrue();
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.button("Send my application"));
            guide.step(1, "apply");
            browser.click("Send my application");

            assertThat(browser.path()).isEqualTo("/apply/thanks");
            assertThat(browser.headings()).contains("Thank you: your application was received");
            guide.step(2, "application-received");
            Long candidateId = jdbc.queryForObject("select id from cso.candidate where email = ?", Long.class, email);

            // ---- HR finds the candidate on the board ----------------------------------------
            browser.open("/login");
            assertThat(browser.headings()).contains("Sign in");
            guide.step(3, "sign-in");
            browser.login(hr, TestUsers.PASSWORD);
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.headings()).contains("Hiring");
            assertThat(browser.link("Open the pipeline board").getDomAttribute("href")).isEqualTo("/hiring");
            assertThat(browser.button("Español").isDisplayed()).as("the language switch in the top bar").isTrue();
            assertThat(browser.driver().findElement(By.cssSelector("nav a[href='/notifications']")).isDisplayed()).isTrue();
            guide.step(4, "home");
            browser.click("Hiring");
            assertThat(browser.path()).isEqualTo("/hiring");
            assertThat(browser.headings()).contains("Hiring pipeline");
            assertThat(browser.driver().findElements(By.cssSelector(".board-column h2 span:first-child")))
                    .extracting(WebElement::getText).startsWith("Screening", "Background check", "Interview").contains("Hired");
            type("Search by name or e-mail", last);
            browser.click("Filter");
            WebElement screening = browser.driver().findElement(By.cssSelector("section[aria-labelledby='col-SCREENING']"));
            assertThat(screening.findElement(By.cssSelector(".badge")).getText()).isEqualTo("1");
            List<String> cards = screening.findElements(By.cssSelector(".board-card a")).stream().map(WebElement::getText).toList();
            assertThat(cards).containsExactly(name);
            assertThat(screening.findElement(By.cssSelector(".board-card")).getText()).contains("South", "score 11");
            assertThat(browser.scrollsHorizontally()).as("board scrolls sideways").isFalse();
            guide.step(5, "board");

            // ---- the candidate page, with the diagram ----------------------------------------
            browser.click(name);
            assertThat(browser.path()).isEqualTo("/hiring/candidates/" + candidateId);
            assertStage("Screening");
            waitForDiagram(HiringProcess.TASK_SCREEN_APPLICATION);
            assertThat(browser.headings()).contains(name, "Open step: Screening", "History", "Application");
            assertThat(browser.text()).contains("APPLICATION_RECEIVED", "applied (web)", "Desired-qualifications score: 11 of 11");
            guide.step(6, "candidate");

            // ---- screening, background check, interview, union vetting -----------------------
            choose("Decision", "Pass screening");
            type("Note", "Strong outreach record");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.button("Record screening"));
            guide.step(7, "screening");
            browser.click("Record screening");
            assertSaved("Background check");
            waitForDiagram(HiringProcess.TASK_RECORD_BACKGROUND_CHECK);

            choose("Result", "Clear");
            browser.click("Record background check");
            assertSaved("Interview");

            type("Panel score (0-100) (required)", "500");
            select("Recommendation (required)", "Recommend");
            browser.click("Record interview");
            assertStage("Interview");
            assertThat(browser.driver().findElement(By.id("panelScore")).getDomAttribute("class")).contains("is-invalid");
            assertThat(browser.driver().findElement(By.id("panelScore-error")).getText())
                    .isEqualTo("must be less than or equal to 100");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.field("Panel score (0-100) (required)"));
            guide.step(8, "interview-error");
            WebElement score = browser.field("Panel score (0-100) (required)");
            score.clear();
            score.sendKeys("88");
            type("Panel members", "Lee, Ortiz, Haile");
            browser.click("Record interview");
            assertSaved("Union vetting");

            choose("Union review", "Approved");
            browser.click("Record union vetting");
            assertSaved("Offer to extend");
            waitForDiagram(HiringProcess.TASK_EXTEND_OFFER);

            // ---- the offer ----------------------------------------------------------------------
            LocalDate start = LocalDate.now().plusWeeks(3);
            browser.script("const input = arguments[0]; input.value = arguments[1];"
                    + " input.dispatchEvent(new Event('input', {bubbles: true}));"
                    + " input.dispatchEvent(new Event('change', {bubbles: true}));",
                    browser.field("Start date (required)"), start.toString());
            select("District (required)", "South");
            select("Supervisor (login) (required)", supervisor);
            select("Shift (required)", "Tue-Sat 10:30-19:00");
            select("Program component (required)", "System Navigators");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.button("Extend the offer"));
            guide.step(9, "offer-form");
            browser.click("Extend the offer");
            assertSaved("Offer extended");
            assertThat(browser.text()).containsPattern("The candidate can answer with this link: \\S+/offers/\\S+");
            guide.step(10, "offer-extended");

            // ---- on a phone: nothing scrolls sideways, and the current step is drawn large enough to read
            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            waitForDiagram(HiringProcess.TASK_AWAIT_OFFER_RESPONSE);
            assertThat(browser.scrollsHorizontally()).as("candidate page scrolls sideways at 390 px").isFalse();
            @SuppressWarnings("unchecked")
            Map<String, Object> step = (Map<String, Object>) browser.script("const step = document.querySelector("
                    + "'.bpmn-diagram .step-current').getBoundingClientRect(), box = document.querySelector("
                    + "'.bpmn-diagram').getBoundingClientRect(); return {width: step.width, inside: step.left >= box.left"
                    + " && step.right <= box.right && step.top >= box.top && step.bottom <= box.bottom};");
            assertThat(((Number) step.get("width")).doubleValue()).as("width of the current step on a phone")
                    .isGreaterThanOrEqualTo(60);
            assertThat(step.get("inside")).as("the current step is within the diagram's frame").isEqualTo(true);
            browser.screenshot("hr-journey-phone-candidate");
            browser.open("/hiring?q=" + last);
            assertThat(browser.driver().findElements(By.cssSelector(".board-column .board-card a")))
                    .extracting(WebElement::getText).containsExactly(name);
            assertThat(browser.scrollsHorizontally()).as("board scrolls sideways at 390 px").isFalse();
            browser.screenshot("hr-journey-phone-board");
            browser.resize(Browser.DESKTOP);
            browser.open("/hiring/candidates/" + candidateId);
            assertStage("Offer extended");

            choose("The candidate", "Accepted");
            type("Note", "Accepted by phone");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.button("Record the answer"));
            guide.step(11, "offer-answer");
            browser.click("Record the answer");
            assertSaved("Being hired");
            assertThat(browser.headings()).contains("Being hired").noneMatch(h -> h.startsWith("Open step"));

            // ---- the hire job runs; the page shows the officer's login -------------------------
            executeHireJob(candidateId);
            browser.driver().navigate().refresh();
            assertStage("Hired");
            assertThat(browser.headings()).contains("Officer and login");
            String login = jdbc.queryForObject("select u.username from cso.user_account u join cso.officer o "
                    + "on u.officer_id = o.id where o.candidate_id = ?", String.class, candidateId);
            assertThat(browser.text()).contains("CSO login " + login + " waits for activation")
                    .containsPattern("/activate/\\S{16,}").contains("OFFER_ACCEPTED", "HIRED");
            waitForDiagram(null);
            assertThat(doneSteps()).contains(HiringProcess.TASK_SCREEN_APPLICATION, HiringProcess.TASK_EXTEND_OFFER,
                    HiringProcess.TASK_HIRE_CANDIDATE);
            guide.step(12, "hired");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void type(String label, String text) {
        WebElement field = browser.field(label);
        field.clear();
        field.sendKeys(text);
    }

    private void select(String label, String visibleText) {
        new Select(browser.field(label)).selectByVisibleText(visibleText);
    }

    /** Clicks the radio button labelled {@code option} in the fieldset whose legend reads {@code legend}. */
    private void choose(String legend, String option) {
        WebElement label = browser.driver().findElement(By.xpath("//fieldset[legend[normalize-space()="
                + Browser.xpathLiteral(legend) + "]]//label[normalize-space()=" + Browser.xpathLiteral(option) + "]"));
        label.click();
        assertThat(browser.driver().findElement(By.id(label.getDomAttribute("for"))).isSelected()).isTrue();
    }

    private void assertSaved(String stage) {
        assertThat(browser.messages()).contains("Saved.");
        assertStage(stage);
    }

    private void assertStage(String stage) {
        assertThat(browser.driver().findElement(By.cssSelector("main h1 + .badge")).getText()).isEqualTo(stage);
    }

    /**
     * Waits until bpmn-js has drawn the diagram (an SVG with the process's shapes) and, when a step
     * is given, marked it as the current one.
     */
    private void waitForDiagram(String currentStep) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
        wait.withMessage("the BPMN diagram to render").until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector(".bpmn-diagram svg .djs-shape"), 10));
        WebElement svg = browser.driver().findElement(By.cssSelector(".bpmn-diagram svg"));
        assertThat(svg.getSize().getWidth()).isGreaterThan(200);
        assertThat(svg.getSize().getHeight()).isGreaterThan(200);
        assertThat(browser.driver().findElement(By.cssSelector(".bpmn-diagram")).getText())
                .doesNotContain("could not be shown");
        if (currentStep != null) {
            wait.withMessage("the current step " + currentStep + " to be marked").until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector(".bpmn-diagram .step-current")));
            List<String> current = browser.driver().findElements(By.cssSelector(".bpmn-diagram .step-current")).stream()
                    .map(e -> e.getDomAttribute("data-element-id")).toList();
            assertThat(current).containsExactly(currentStep);
            WebElement marked = browser.driver().findElement(By.cssSelector(".bpmn-diagram .step-current"));
            assertThat(marked.isDisplayed()).as("the current step is visible in the diagram").isTrue();
        }
    }

    private List<String> doneSteps() {
        return browser.driver().findElements(By.cssSelector(".bpmn-diagram .step-done")).stream()
                .map(e -> e.getDomAttribute("data-element-id")).toList();
    }

    private void executeHireJob(Long candidateId) {
        String processInstanceId = jdbc.queryForObject("select process_instance_id from cso.candidate where id = ?",
                String.class, candidateId);
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(HiringProcess.TASK_HIRE_CANDIDATE).singleResult();
        assertThat(job).as("the hire job").isNotNull();
        managementService.executeJob(job.getId());
    }

    private static String randomLetters() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
