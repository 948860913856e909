package org.csotracker.academy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.csotracker.people.Officer;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The coordinator's academy pages through MockMvc: what they show, bulk entry by form and by CSV
 * (all or nothing, errors on the row or line), the recruit's forms, who may see what, escaping.
 */
@CsoTrackerTest
class AcademyPagesTests {

    private static final String CULTURAL = "CULTURAL-COMPETENCY";
    private static final String CULTURAL_TITLE = "Institutional racism &amp; cultural competency";
    private static final String HEADER = "employee_number,score,hours_attended,assessed_on,instructor,practical_passed,notes\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Academy academy;
    @Autowired
    AcademyReports reports;
    @Autowired
    People people;

    RequestPostProcessor coordinator;
    String supervisor;
    Cohort cohort;
    String today;

    @BeforeEach
    void setUp() {
        coordinator = users.as(Role.COORDINATOR);
        supervisor = users.staff(Role.SUPERVISOR);
        cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().minusWeeks(2), 40);
        today = LocalDate.now().toString();
    }

    // ---- pages ------------------------------------------------------------------------------

    @Test
    void everyPageRendersForACoordinator() throws Exception {
        List<Officer> recruits = enroll("Render", 2);
        Officer waiting = Recruits.hire(people, "Wanda", unique("Waiting"), supervisor);

        String list = body(get("/academy").with(coordinator), "academy/cohorts");
        assertThat(list).contains("Academy cohorts", cohort.getName(), "Week 3 of 8", "2 enrolled of 40 places",
                "Hired officers waiting for a cohort", waiting.getFullName(), "Create a cohort", "href=\"/academy/modules\"");

        String page = body(get("/academy/cohorts/{id}", cohort.getId()).with(coordinator), "academy/cohort");
        assertThat(page).contains(cohort.getName(), "Week 3 of 8", "Progress: recruits × modules", "De-escalation",
                CULTURAL_TITLE, "Ofc. Rivera", "Dr. Banks", "This week", "Upload results (CSV)", "Enroll a hired officer",
                "Enter results: " + CULTURAL_TITLE, recruits.get(0).getFullName(), "0 of 2 (0%)", "0 of 2 passed (0%)")
                .contains("href=\"/academy/recruits/" + recruits.get(1).getId() + "\"")
                .contains("<option value=\"" + waiting.getId() + "\"");
        assertThat(count(page, "cell-not_started")).isEqualTo(4);
        assertThat(count(page, "name=\"rows[")).as("score, hours, notes and officer per open row").isEqualTo(2 * 4);

        String recruit = body(get("/academy/recruits/{id}", recruits.get(0).getId()).with(coordinator), "academy/recruit");
        assertThat(recruit).contains(recruits.get(0).getFullName(), "In academy", "Open steps", "Record a result",
                "De-escalation: 32 h, pass at 80, practical required", "Move to a later cohort", "Withdrawal",
                "No module result recorded yet.", cohort.getName())
                .contains("data-diagram=\"/diagrams/AcademyProcess.bpmn\"");
        assertThat(attribute(recruit, "data-active")).contains("Task_RecordModuleResult");
        assertThat(count(recruit, "name=\"score\"")).as("one score field, in the result form").isEqualTo(1);

        String catalog = body(get("/academy/modules").with(coordinator), "academy/modules");
        assertThat(catalog).contains("Module catalog", "De-escalation", "Version 1", "past results keep their version",
                "Add a module");
    }

    @Test
    void aCoordinatorCreatesACohortAndEnrollsAWaitingOfficer() throws Exception {
        String name = unique("Spring class");
        String invalid = body(post("/academy/cohorts").with(coordinator).with(csrf()).param("name", name)
                .param("capacity", "500").param("coordinator", users.staff(Role.COORDINATOR)), "academy/cohorts");
        assertThat(invalid).contains("Please correct the fields marked below.", "must be less than or equal to 200",
                "id=\"startDate-error\">is required<");
        assertThat(academy.cohorts()).extracting(Cohort::getName).doesNotContain(name);

        MvcResult created = mvc.perform(post("/academy/cohorts").with(coordinator).with(csrf()).param("name", name)
                        .param("startDate", LocalDate.now().plusWeeks(2).toString()).param("capacity", "25")
                        .param("coordinator", users.staff(Role.COORDINATOR)).param("location", "Training center"))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cohort cohort = academy.cohorts().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/academy/cohorts/" + cohort.getId());
        assertThat(academy.schedule(cohort.getId())).as("the catalog's weeks").isNotEmpty();

        Officer waiting = Recruits.hire(people, "Omar", unique("Waits"), supervisor);
        mvc.perform(post("/academy/cohorts/{id}/recruits", cohort.getId()).with(coordinator).with(csrf())
                        .param("officerId", waiting.getId().toString()))
                .andExpect(redirectedUrl("/academy/cohorts/" + cohort.getId()))
                .andExpect(flash().attribute("saved", waiting.getFullName() + " enrolled in " + name + "."));
        assertThat(people.officer(waiting.getId()).getStatus()).isEqualTo(OfficerStatus.IN_ACADEMY);
        assertThat(body(get("/academy").with(coordinator), "academy/cohorts")).doesNotContain(waiting.getFullName());

        String again = body(post("/academy/cohorts/{id}/recruits", this.cohort.getId()).with(coordinator).with(csrf())
                .param("officerId", waiting.getId().toString()), "academy/cohort");
        assertThat(again).contains("is already enrolled in another cohort; move them instead.");
    }

    // ---- bulk entry ---------------------------------------------------------------------------

    @Test
    void theBulkFormRecordsAModuleForTheCohortAndShowsTheCounts() throws Exception {
        List<Officer> recruits = enroll("Bulk", 4);
        MockHttpServletRequestBuilder form = bulk(CULTURAL).param("rows[0].officerId", id(recruits.get(0)))
                .param("rows[0].score", "90").param("rows[0].hoursAttended", "24")
                .param("rows[1].officerId", id(recruits.get(1))).param("rows[1].score", "60").param("rows[1].hoursAttended", "24")
                .param("rows[2].officerId", id(recruits.get(2))).param("rows[2].score", "81").param("rows[2].hoursAttended", "23.5")
                .param("rows[3].officerId", id(recruits.get(3))).param("rows[3].score", "").param("rows[3].hoursAttended", "24");

        mvc.perform(form).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/academy/cohorts/" + cohort.getId() + "?module=" + CULTURAL))
                .andExpect(flash().attribute("saved",
                        "Institutional racism & cultural competency: 3 results recorded (2 passed, 1 failed)."));

        AcademyReports.Grid grid = reports.grid(cohort.getId());
        assertThat(grid.modules()).filteredOn(m -> m.code().equals(CULTURAL)).singleElement()
                .satisfies(m -> assertThat(m.passed()).isEqualTo(2));
        assertThat(academy.results(recruits.get(3).getId())).as("a row without a score stays open").isEmpty();
        String page = body(get("/academy/cohorts/{id}", cohort.getId()).param("module", CULTURAL).with(coordinator),
                "academy/cohort");
        assertThat(page).contains("<span>Passed</span><strong> 90</strong>", "<span>Failed: remediation due</span><strong> 60</strong>",
                "2 of 4 passed (50%)", "1 of 2 (50%)");
        assertThat(count(page, "name=\"rows[")).as("only the open row is left in the form").isEqualTo(4);

        // the same form again: nothing new
        mvc.perform(form).andExpect(flash().attribute("saved",
                "Institutional racism & cultural competency: nothing new, 3 rows already recorded (2 passed, 1 failed)."));
        assertThat(academy.results(recruits.get(0).getId())).hasSize(1);
    }

    @Test
    void aBadRowIsShownOnThatRowAndNothingIsRecorded() throws Exception {
        List<Officer> recruits = enroll("Badrow", 3);
        String page = body(bulk(CULTURAL)
                .param("rows[0].officerId", id(recruits.get(0))).param("rows[0].score", "90").param("rows[0].hoursAttended", "24")
                .param("rows[1].officerId", id(recruits.get(1))).param("rows[1].score", "150").param("rows[1].hoursAttended", "24")
                .param("rows[2].officerId", id(recruits.get(2))).param("rows[2].score", "80").param("rows[2].hoursAttended", "24")
                .param("rows[2].notes", "kept after the error"), "academy/cohort");

        assertThat(page).contains("Please correct the row marked below. Nothing was saved.");
        String bad = row(page, recruits.get(1));
        assertThat(bad).contains("row-invalid", "value=\"150\"", "is-invalid", "must be less than or equal to 100");
        for (Officer good : List.of(recruits.get(0), recruits.get(2))) {
            assertThat(row(page, good)).doesNotContain("row-invalid", "is-invalid", "must be");
        }
        assertThat(row(page, recruits.get(2))).as("entries are kept").contains("value=\"80\"", "value=\"kept after the error\"");
        recruits.forEach(r -> assertThat(academy.results(r.getId())).isEmpty());

        // a business rule checked by the academy (the practical of de-escalation) also lands on its row
        String practical = body(bulk("DE-ESCALATION")
                .param("rows[0].officerId", id(recruits.get(0))).param("rows[0].score", "90").param("rows[0].hoursAttended", "32")
                .param("rows[0].practicalPassed", "true")
                .param("rows[1].officerId", id(recruits.get(1))).param("rows[1].score", "88").param("rows[1].hoursAttended", "32"),
                "academy/cohort");
        assertThat(row(practical, recruits.get(1))).contains("is required: De-escalation has a practical assessment");
        assertThat(row(practical, recruits.get(0))).doesNotContain("is-invalid");
        recruits.forEach(r -> assertThat(academy.results(r.getId())).isEmpty());
    }

    @Test
    void aCsvWithABadLineNamesTheLineAndRecordsNothing() throws Exception {
        List<Officer> recruits = enroll("Csvbad", 3);
        String csv = HEADER + line(recruits.get(0), "90") + line(recruits.get(1), "ninety") + line(recruits.get(2), "101");

        String page = body(upload(CULTURAL, csv), "academy/cohort");

        assertThat(page).contains("The file was not recorded: nothing was saved.",
                "<strong>line 3</strong>: <span>score must be a whole number, not &quot;ninety&quot;</span>");
        assertThat(page).doesNotContain("line 2</strong>", "line 4</strong>")
                .as("line 4 (score 101) is checked once the lines parse").contains("csv-errors");
        recruits.forEach(r -> assertThat(academy.results(r.getId())).isEmpty());

        String secondTry = body(upload(CULTURAL, HEADER + line(recruits.get(0), "90") + line(recruits.get(2), "101")),
                "academy/cohort");
        assertThat(secondTry).contains("<strong>line 3</strong>: <span>score must be less than or equal to 100</span>");
        recruits.forEach(r -> assertThat(academy.results(r.getId())).isEmpty());
    }

    @Test
    void theSameCsvUploadedTwiceRecordsNothingNewTheSecondTime() throws Exception {
        List<Officer> recruits = enroll("Csvtwice", 3);
        String csv = HEADER + line(recruits.get(0), "90") + line(recruits.get(1), "70") + line(recruits.get(2), "77");

        mvc.perform(upload(CULTURAL, csv)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/academy/cohorts/" + cohort.getId() + "?module=" + CULTURAL))
                .andExpect(flash().attribute("saved", "Institutional racism & cultural competency (from results.csv): "
                        + "3 results recorded (2 passed, 1 failed)."));
        mvc.perform(upload(CULTURAL, csv)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "Institutional racism & cultural competency (from results.csv): "
                        + "nothing new, 3 rows already recorded (2 passed, 1 failed)."));
        recruits.forEach(r -> assertThat(academy.results(r.getId())).hasSize(1));
    }

    // ---- a recruit's page ---------------------------------------------------------------------

    @Test
    void aFailedModuleGoesThroughRemediationAndRetakeOnTheRecruitPage() throws Exception {
        Officer officer = enroll("Retake", 1).get(0);
        mvc.perform(action(officer, "result").param("moduleCode", CULTURAL).param("score", "55").param("hoursAttended", "24")
                        .param("assessedOn", today).param("instructor", "Dr. Banks"))
                .andExpect(redirectedUrl("/academy/recruits/" + officer.getId()))
                .andExpect(flash().attribute("saved", "Institutional racism & cultural competency: score 55, failed."));

        String page = body(get("/academy/recruits/{id}", officer.getId()).with(coordinator), "academy/recruit");
        assertThat(page).contains("Plan remediation: Institutional racism &amp; cultural competency", "Retake by",
                "✗ Failed", "v1", "Dr. Banks");
        assertThat(attribute(page, "data-active")).contains("Task_PlanRemediation", "Task_RecordModuleResult");

        String missing = body(action(officer, "remediation").param("moduleCode", CULTURAL).param("dueDate", today), "academy/recruit");
        assertThat(missing).contains("id=\"rem-CULTURAL-COMPETENCY-plan-error\">is required<");
        mvc.perform(action(officer, "remediation").param("moduleCode", CULTURAL).param("plan", "Reading list and tutoring")
                        .param("dueDate", LocalDate.now().plusDays(7).toString()))
                .andExpect(redirectedUrl("/academy/recruits/" + officer.getId()));
        String twice = body(action(officer, "remediation").param("moduleCode", CULTURAL).param("plan", "Again")
                .param("dueDate", LocalDate.now().plusDays(7).toString()), "academy/recruit");
        assertThat(twice).as("a form no longer shown reports at the top").contains("No remediation is due for");

        mvc.perform(action(officer, "result").param("moduleCode", CULTURAL).param("score", "82").param("hoursAttended", "24")
                        .param("assessedOn", today).param("instructor", "Dr. Banks"))
                .andExpect(flash().attribute("saved", "Institutional racism & cultural competency retake: score 82, passed."));
        assertThat(academy.results(officer.getId())).extracting(ModuleResult::getAttempt).containsExactly(1, 2);
        assertThat(body(get("/academy/recruits/{id}", officer.getId()).with(coordinator), "academy/recruit"))
                .contains("2 (retake)", "Reading list and tutoring");
    }

    @Test
    void aRecruitMovesToALaterCohortOrWithdrawsFromTheRecruitPage() throws Exception {
        List<Officer> recruits = enroll("Leaves", 2);
        Cohort later = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().plusWeeks(6), 10);

        String page = body(get("/academy/recruits/{id}", recruits.get(0).getId()).with(coordinator), "academy/recruit");
        assertThat(page).contains("<option value=\"" + later.getId() + "\"");
        String noReason = body(action(recruits.get(0), "move").param("cohortId", later.getId().toString()), "academy/recruit");
        assertThat(noReason).contains("id=\"move-reason-error\">is required<");

        mvc.perform(action(recruits.get(0), "move").param("cohortId", later.getId().toString()).param("reason", "Family leave"))
                .andExpect(redirectedUrl("/academy/recruits/" + recruits.get(0).getId()));
        assertThat(academy.currentEnrollment(recruits.get(0).getId()).orElseThrow().getCohortId()).isEqualTo(later.getId());

        mvc.perform(action(recruits.get(1), "withdrawal").param("reason", "Took another job"))
                .andExpect(flash().attribute("saved", recruits.get(1).getFullName() + " withdrew from the academy."));
        assertThat(people.officer(recruits.get(1).getId()).getStatus()).isEqualTo(OfficerStatus.WITHDRAWN);
        String after = body(get("/academy/recruits/{id}", recruits.get(1).getId()).with(coordinator), "academy/recruit");
        assertThat(after).contains("Withdrawn", "Took another job").doesNotContain("Record a result", "Record withdrawal");

        mvc.perform(action(recruits.get(1), "promotion")).andExpect(status().isNotFound());
    }

    // ---- the module catalog -------------------------------------------------------------------

    @Test
    void aModuleIsAddedAndAnEditAddsAVersion() throws Exception {
        String code = "TEST-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String bad = body(post("/academy/modules").with(coordinator).with(csrf()).param("code", "bad code")
                .param("title", "Radio").param("hours", "8").param("weekFrom", "3").param("weekTo", "2")
                .param("passingScore", "70"), "academy/modules");
        assertThat(bad).contains("id=\"new-code-error\">use capital letters, digits and -<",
                "id=\"new-weekTo-error\">weekTo must not be before weekFrom<");

        // inactive, so cohorts that follow the catalog elsewhere in these tests are not changed
        mvc.perform(post("/academy/modules").with(coordinator).with(csrf()).param("code", code.toLowerCase())
                        .param("title", "Radio procedure").param("hours", "8").param("weekFrom", "2").param("weekTo", "2")
                        .param("passingScore", "70"))
                .andExpect(redirectedUrl("/academy/modules#module-" + code));
        assertThat(academy.module(code).isActive()).isFalse();

        mvc.perform(post("/academy/modules/{code}", code).with(users.as(Role.ADMIN)).with(csrf())
                        .param("title", "Radio procedure & dispatch").param("hours", "12").param("weekFrom", "2")
                        .param("weekTo", "3").param("passingScore", "75").param("practicalRequired", "true"))
                .andExpect(flash().attribute("saved", "Radio procedure & dispatch is now version 2. "
                        + "Results recorded before keep the version they were judged by."));
        assertThat(academy.moduleHistory(code)).extracting(TrainingModule::getVersion).containsExactly(2, 1);
        assertThat(academy.module(code).getHours()).isEqualTo(12);
        String catalog = body(get("/academy/modules").with(coordinator), "academy/modules");
        assertThat(catalog).contains("Radio procedure &amp; dispatch", "Save version 3", "Inactive: not in new cohorts");
    }

    // ---- who may do what ----------------------------------------------------------------------

    @Test
    void hrCannotPostResults() throws Exception {
        Officer officer = enroll("Hrpost", 1).get(0);
        RequestPostProcessor hr = users.as(Role.HR);
        mvc.perform(post("/academy/cohorts/{id}/results", cohort.getId()).with(hr).with(csrf()).param("moduleCode", CULTURAL)
                        .param("instructor", "Dr. Banks").param("assessedOn", today)
                        .param("rows[0].officerId", id(officer)).param("rows[0].score", "90").param("rows[0].hoursAttended", "24"))
                .andExpect(status().isForbidden());
        mvc.perform(action(officer, "result").with(hr).param("moduleCode", CULTURAL).param("score", "90")
                        .param("hoursAttended", "24").param("assessedOn", today).param("instructor", "Dr. Banks"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/academy/cohorts/{id}", cohort.getId()).with(hr)).andExpect(status().isForbidden());
        assertThat(academy.results(officer.getId())).isEmpty();

        String readOnly = body(get("/academy/recruits/{id}", officer.getId()).with(hr), "academy/recruit");
        assertThat(readOnly).contains(officer.getFullName(), "Result due: De-escalation")
                .doesNotContain("Record a result", "Record withdrawal", "href=\"/academy\"");
    }

    @Test
    void aSupervisorSeesTheirOwnUnitsRecruitButNotAnotherSupervisors() throws Exception {
        String other = users.ensure("other-supervisor", Set.of(Role.SUPERVISOR), null);
        Officer own = Recruits.hire(people, "Una", unique("Ownunit"), supervisor);
        Officer theirs = Recruits.hire(people, "Theo", unique("Otherunit"), other);
        TestUsers.asSystem(() -> {
            academy.enroll(cohort.getId(), own.getId());
            academy.enroll(cohort.getId(), theirs.getId());
        });
        RequestPostProcessor asSupervisor = users.as(supervisor);

        String page = body(get("/academy/recruits/{id}", own.getId()).with(asSupervisor), "academy/recruit");
        assertThat(page).contains(own.getFullName(), "Open steps", "Result due: De-escalation")
                .doesNotContain("Record a result", "action=\"/academy/");
        mvc.perform(get("/academy/recruits/{id}", theirs.getId()).with(asSupervisor)).andExpect(status().isNotFound());
        mvc.perform(get("/academy/recruits/{id}", theirs.getId()).with(users.as(other))).andExpect(status().isOk());
        mvc.perform(get("/academy/cohorts/{id}", cohort.getId()).with(asSupervisor)).andExpect(status().isForbidden());
    }

    @Test
    void htmlInNotesAndNamesIsEscaped() throws Exception {
        Officer officer = Recruits.hire(people, "<b>Bold</b>", unique("Escape"), supervisor);
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), officer.getId()));
        String script = "<script>alert('notes')</script>";
        mvc.perform(action(officer, "result").param("moduleCode", CULTURAL).param("score", "40").param("hoursAttended", "24")
                        .param("assessedOn", today).param("instructor", "<i>Dr. Banks</i>").param("notes", script))
                .andExpect(status().is3xxRedirection());
        mvc.perform(action(officer, "remediation").param("moduleCode", CULTURAL).param("plan", script)
                .param("dueDate", LocalDate.now().plusDays(3).toString())).andExpect(status().is3xxRedirection());

        String page = body(get("/academy/recruits/{id}", officer.getId()).with(coordinator), "academy/recruit");
        assertThat(page).contains("&lt;script&gt;alert(&#39;notes&#39;)&lt;/script&gt;", "&lt;i&gt;Dr. Banks&lt;/i&gt;",
                "&lt;b&gt;Bold&lt;/b&gt;").doesNotContain(script, "<b>Bold</b>", "<i>Dr. Banks</i>");
        String grid = body(get("/academy/cohorts/{id}", cohort.getId()).with(coordinator), "academy/cohort");
        assertThat(grid).contains("&lt;b&gt;Bold&lt;/b&gt;").doesNotContain("<b>Bold</b>");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<Officer> enroll(String stem, int n) {
        List<Officer> officers = new ArrayList<>();
        String last = unique(stem);
        for (int i = 0; i < n; i++) {
            Officer officer = Recruits.hire(people, "Rec" + (char) ('a' + i), last, supervisor);
            TestUsers.asSystem(() -> academy.enroll(cohort.getId(), officer.getId()));
            officers.add(officer);
        }
        return officers;
    }

    private MockHttpServletRequestBuilder bulk(String module) {
        return post("/academy/cohorts/{id}/results", cohort.getId()).with(coordinator).with(csrf())
                .param("moduleCode", module).param("instructor", "Dr. Banks").param("assessedOn", today);
    }

    private MockHttpServletRequestBuilder upload(String module, String csv) {
        return multipart("/academy/cohorts/{id}/results.csv", cohort.getId())
                .file(new MockMultipartFile("file", "results.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("moduleCode", module).with(coordinator).with(csrf());
    }

    private MockHttpServletRequestBuilder action(Officer officer, String action) {
        return post("/academy/recruits/{id}/{action}", officer.getId(), action).with(coordinator).with(csrf());
    }

    private String line(Officer officer, String score) {
        return officer.getEmployeeNumber() + "," + score + ",24," + today + ",Dr. Banks,,\n";
    }

    private String body(MockHttpServletRequestBuilder request, String view) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andExpect(view().name(view))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The bulk form's table row of one recruit. */
    private static String row(String html, Officer officer) {
        int start = html.indexOf("id=\"bulk-row-" + officer.getId() + "\"");
        assertThat(start).as("row of %s", officer.getFullName()).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String attribute(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("attribute %s", name).isTrue();
        return m.group(1);
    }

    private static int count(String html, String text) {
        int n = 0;
        for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }

    private static String id(Officer officer) {
        return officer.getId().toString();
    }

    private static String unique(String stem) {
        return stem + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    }
}
