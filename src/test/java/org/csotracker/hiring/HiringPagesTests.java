package org.csotracker.hiring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.people.OfficerLogin;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * HR's hiring pages and the public pages (apply, offer, activation) through MockMvc: what they show,
 * what a form post changes, and how bad input and wrong-state posts come back to the person.
 */
@CsoTrackerTest
class HiringPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Hiring hiring;
    @Autowired
    People people;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    RequestPostProcessor hr;
    String supervisor;

    @BeforeEach
    void signIn() {
        hr = users.as(Role.HR);
        supervisor = users.staff(Role.SUPERVISOR);
    }

    // ---- the board and the lists ------------------------------------------------------------

    @Test
    void boardShowsTheNewCandidateInTheScreeningColumnWithCounts() throws Exception {
        String last = uniqueName("Boardman");
        Candidate candidate = apply("Ada", last, "South");

        MvcResult result = mvc.perform(get("/hiring").with(hr))
                .andExpect(status().isOk()).andExpect(view().name("hiring/board")).andReturn();
        HiringReports.Board board = (HiringReports.Board) result.getModelAndView().getModel().get("board");
        assertThat(board.columns()).extracting(HiringReports.Column::stage).containsExactlyElementsOf(HiringReports.boardStages());
        long screening = jdbc.queryForObject("select count(*) from cso.candidate where stage = 'SCREENING'", Long.class);
        assertThat(column(board, HiringStage.SCREENING).count()).isEqualTo(screening).isPositive();
        String html = result.getResponse().getContentAsString();
        assertThat(badge(html, HiringStage.SCREENING)).isEqualTo(String.valueOf(screening));

        // filtered by the unique name: the card sits in Screening and nowhere else
        String filtered = mvc.perform(get("/hiring").param("q", last.toLowerCase()).with(hr))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String column = columnHtml(filtered, HiringStage.SCREENING);
        assertThat(column).contains("href=\"/hiring/candidates/" + candidate.getId() + "\"")
                .contains("Ada " + last).contains("0 days in stage").contains("· South").contains("· score 11");
        assertThat(badge(filtered, HiringStage.SCREENING)).isEqualTo("1");
        for (HiringStage other : List.of(HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW, HiringStage.HIRED)) {
            assertThat(columnHtml(filtered, other)).doesNotContain(last);
            assertThat(badge(filtered, other)).isEqualTo("0");
        }
        assertThat(filtered).contains("Rejected: 0");
    }

    @Test
    void searchAndDistrictFilterNarrowTheBoard() throws Exception {
        String stem = uniqueName("Narrow");
        Candidate north = apply("Nadia", stem + "north", "North");
        Candidate south = apply("Sami", stem + "south", "South");
        Candidate other = apply("Otto", uniqueName("Elsewhere"), "North");

        String byStem = body(get("/hiring").param("q", stem.toLowerCase()).with(hr));
        assertThat(byStem).contains(cardLink(north), cardLink(south)).doesNotContain(cardLink(other));
        assertThat(badge(byStem, HiringStage.SCREENING)).isEqualTo("2");
        assertThat(byStem).contains("value=\"" + stem.toLowerCase() + "\"");

        String byName = body(get("/hiring").param("q", (stem + "south").toLowerCase()).with(hr));
        assertThat(byName).contains(cardLink(south)).doesNotContain(cardLink(north), cardLink(other));

        String byDistrict = body(get("/hiring").param("q", stem.toLowerCase()).param("district", "North").with(hr));
        assertThat(byDistrict).contains(cardLink(north)).doesNotContain(cardLink(south), cardLink(other));
        assertThat(badge(byDistrict, HiringStage.SCREENING)).isEqualTo("1");
        assertThat(byDistrict).containsPattern("<option value=\"North\" selected=\"selected\">North</option>");

        String byEmail = body(get("/hiring").param("q", hiring.candidate(other.getId()).getEmail()).with(hr));
        assertThat(byEmail).contains(cardLink(other)).doesNotContain(cardLink(north), cardLink(south));
    }

    @Test
    void candidateListPagesAtTwentyFive() throws Exception {
        String last = uniqueName("Pager");
        for (int i = 0; i < 26; i++) {
            apply("P" + letters(i), last, "West");
        }

        MvcResult first = mvc.perform(get("/hiring/candidates").param("stage", "SCREENING").param("q", last.toLowerCase()).with(hr))
                .andExpect(status().isOk()).andExpect(view().name("hiring/candidates")).andReturn();
        Page<?> page = (Page<?>) first.getModelAndView().getModel().get("candidates");
        assertThat(page.getTotalElements()).isEqualTo(26);
        assertThat(page.getContent()).hasSize(25);
        String html = first.getResponse().getContentAsString();
        assertThat(html).contains("26 candidates").contains("Page 1 of 2");
        assertThat(occurrences(html, "<td><a href=\"/hiring/candidates/")).isEqualTo(25);
        assertThat(html).contains("page=1\">Next</a>");
        assertThat(html).containsPattern("<li class=\"page-item disabled\">\\s*<a class=\"page-link\"[^>]*>Previous</a>");

        String second = body(get("/hiring/candidates").param("stage", "SCREENING").param("q", last.toLowerCase())
                .param("page", "1").with(hr));
        assertThat(second).contains("Page 2 of 2");
        assertThat(occurrences(second, "<td><a href=\"/hiring/candidates/")).isEqualTo(1);
        assertThat(second).containsPattern("<li class=\"page-item disabled\">\\s*<a class=\"page-link\"[^>]*>Next</a>");

        // the board column links to the full list when it has more than it shows
        String board = body(get("/hiring").param("q", last.toLowerCase()).with(hr));
        assertThat(occurrences(columnHtml(board, HiringStage.SCREENING), "class=\"board-card\""))
                .isEqualTo(HiringReports.CARDS_PER_COLUMN);
        assertThat(board).contains("All 26 in Screening");
    }

    // ---- the candidate page -----------------------------------------------------------------

    @Test
    void candidatePageShowsTheOpenStepFormTheDiagramAndTheHistory() throws Exception {
        Candidate candidate = apply("Hana", uniqueName("Historia"), "East");

        String html = body(get("/hiring/candidates/{id}", candidate.getId()).with(hr));

        assertThat(html).contains("Open step: Screening")
                .contains("action=\"/hiring/candidates/" + candidate.getId() + "/screening\"")
                .contains("Pass screening").contains("Record screening")
                .contains("Desired-qualifications score:");
        assertThat(html).doesNotContain("/interview\"").doesNotContain("Extend the offer");
        assertThat(html).containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(html).contains("class=\"bpmn-diagram")
                .contains("data-diagram=\"/diagrams/HiringProcess.bpmn\"")
                .contains("data-active=\"" + HiringProcess.TASK_SCREEN_APPLICATION + "\"");
        assertThat(historyHtml(html)).contains("APPLICATION_RECEIVED").contains("applied (hr)");
        assertThat(html).contains("Record withdrawal");
    }

    @Test
    void submittingTheStepFormMovesTheCandidate() throws Exception {
        Candidate candidate = apply("Moe", uniqueName("Mover"), "South");

        mvc.perform(post("/hiring/candidates/{id}/screening", candidate.getId()).with(hr).with(csrf())
                        .param("passed", "true").param("note", "Solid outreach record"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/hiring/candidates/" + candidate.getId()))
                .andExpect(flash().attribute("saved", "Saved."));

        assertThat(stage(candidate)).isEqualTo(HiringStage.BACKGROUND_CHECK);
        String html = body(get("/hiring/candidates/{id}", candidate.getId()).with(hr));
        assertThat(html).contains("Open step: Background check")
                .contains("action=\"/hiring/candidates/" + candidate.getId() + "/background-check\"")
                .contains("data-active=\"" + HiringProcess.TASK_RECORD_BACKGROUND_CHECK + "\"");
        assertThat(historyHtml(html)).contains("SCREENING_PASSED").contains("Solid outreach record")
                .contains("by " + users.staff(Role.HR));

        // and on through the interview to union vetting
        mvc.perform(post("/hiring/candidates/{id}/background-check", candidate.getId()).with(hr).with(csrf())
                        .param("clear", "true"))
                .andExpect(redirectedUrl("/hiring/candidates/" + candidate.getId()));
        mvc.perform(post("/hiring/candidates/{id}/interview", candidate.getId()).with(hr).with(csrf())
                        .param("panelScore", "91").param("recommendation", "STRONGLY_RECOMMEND").param("panel", "Lee, Ortiz"))
                .andExpect(redirectedUrl("/hiring/candidates/" + candidate.getId()));
        Candidate moved = hiring.candidate(candidate.getId());
        assertThat(moved.getStage()).isEqualTo(HiringStage.UNION_VETTING);
        assertThat(moved.getInterviewScore()).isEqualTo(91);
        assertThat(body(get("/hiring/candidates/{id}", candidate.getId()).with(hr)))
                .contains("Open step: Union vetting").contains("91 · Strongly recommend");
    }

    @Test
    void invalidStepInputReRendersThePageWithTheErrorAtTheField() throws Exception {
        Candidate candidate = apply("Ines", uniqueName("Invalid"), "North");
        pass(candidate, HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK);
        int historyBefore = history(candidate).size();

        MvcResult result = mvc.perform(post("/hiring/candidates/{id}/interview", candidate.getId()).with(hr).with(csrf())
                        .param("panelScore", "500").param("recommendation", "RECOMMEND"))
                .andExpect(status().isOk())
                .andExpect(view().name("hiring/candidate"))
                .andReturn();

        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) result.getModelAndView().getModel().get("errors");
        assertThat(errors).containsOnlyKeys("panelScore");
        String html = result.getResponse().getContentAsString();
        assertThat(tag(html, "input", "panelScore")).contains("is-invalid").contains("value=\"500\"")
                .contains("aria-invalid=\"true\"");
        assertThat(html).contains("id=\"panelScore-error\">must be less than or equal to 100</div>");
        assertThat(html).contains("Please correct the fields marked below.");
        assertThat(html).containsPattern("<option value=\"RECOMMEND\" selected=\"selected\">Recommend</option>");
        assertThat(tag(html, "input", "panel")).doesNotContain("is-invalid");

        Candidate unchanged = hiring.candidate(candidate.getId());
        assertThat(unchanged.getStage()).isEqualTo(HiringStage.INTERVIEW);
        assertThat(unchanged.getInterviewScore()).isNull();
        assertThat(history(candidate)).hasSize(historyBefore);

        // a business rule from the API (an objection needs a note) comes back at its field too
        pass(candidate, HiringStage.INTERVIEW);
        String vetting = body(post("/hiring/candidates/{id}/union-vetting", candidate.getId()).with(hr).with(csrf())
                .param("approved", "false").param("union", "Teamsters Local 117"));
        assertThat(tag(vetting, "textarea", "note")).contains("is-invalid");
        assertThat(vetting).contains("id=\"note-error\">must say what the union objects to</div>");
        assertThat(stage(candidate)).isEqualTo(HiringStage.UNION_VETTING);
    }

    @Test
    void aWrongStateSubmitShowsTheConflictOnThePage() throws Exception {
        Candidate candidate = apply("Wren", uniqueName("Wrongstep"), "South");

        MvcResult result = mvc.perform(post("/hiring/candidates/{id}/interview", candidate.getId()).with(hr).with(csrf())
                        .param("panelScore", "80").param("recommendation", "RECOMMEND"))
                .andExpect(status().isOk())
                .andExpect(view().name("hiring/candidate"))
                .andReturn();

        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("The step Interview is not open for this candidate. The open step is Screening.");
        assertThat(html).containsPattern("class=\"alert alert-danger\" role=\"alert\">\\s*<span>The step Interview");
        assertThat(html).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Please correct the fields");
        assertThat(html).contains("Open step: Screening");
        assertThat(stage(candidate)).isEqualTo(HiringStage.SCREENING);
        assertThat(hiring.candidate(candidate.getId()).getInterviewScore()).isNull();

        // an unknown step is a friendly 404, not a stack trace
        String unknown = mvc.perform(post("/hiring/candidates/{id}/promotion", candidate.getId()).with(hr).with(csrf()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("There is no step promotion").doesNotContain("Exception");
    }

    @Test
    void htmlInANameOrStatementIsEscaped() throws Exception {
        String last = uniqueName("Escaper");
        NewApplication application = new NewApplication("<script>alert(1)</script>", last,
                Applicants.uniqueEmail("escaper"), null, "English", 2, 1, Education.HIGH_SCHOOL, true, true, "North",
                "<img src=x onerror=alert(2)> & <b>bold</b>", "en", true);
        Candidate[] created = new Candidate[1];
        TestUsers.asSystem(() -> created[0] = hiring.apply(application, ApplicationSource.HR));

        String page = body(get("/hiring/candidates/{id}", created[0].getId()).with(hr));
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; " + last)
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;img src=x onerror=alert(2)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<img src=x").doesNotContain("<b>bold</b>");

        String board = body(get("/hiring").param("q", last.toLowerCase()).with(hr));
        assertThat(board).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void hiringPagesAreForHrOnly() throws Exception {
        Candidate candidate = apply("Rola", uniqueName("Roles"), "South");
        String cso = users.ensure("hiring-pages-cso", Set.of(Role.CSO), null);

        for (RequestPostProcessor who : List.of(users.as(cso), users.as(Role.COORDINATOR), users.as(Role.SUPERVISOR))) {
            mvc.perform(get("/hiring").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/hiring/candidates/{id}", candidate.getId()).with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/hiring/candidates/{id}/screening", candidate.getId()).with(who).with(csrf())
                    .param("passed", "true")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/hiring")).andExpect(status().is3xxRedirection());
        assertThat(stage(candidate)).isEqualTo(HiringStage.SCREENING);
        mvc.perform(get("/hiring").with(hr)).andExpect(status().isOk());
        mvc.perform(get("/hiring/tasks").with(hr)).andExpect(status().isOk());
        mvc.perform(get("/hiring/funnel").with(hr)).andExpect(status().isOk());
    }

    @Test
    void hrEntersAPaperApplicationAndLandsOnTheCandidatePage() throws Exception {
        assertThat(body(get("/hiring/candidates/new").with(hr))).contains("Enter an application")
                .contains("id=\"firstName\"");
        String email = Applicants.uniqueEmail("paper");
        String last = uniqueName("Paper");

        String invalid = body(applicationTo("/hiring/candidates/new", last, email, Map.of("languages", " "))
                .with(hr).with(csrf()));
        assertThat(tag(invalid, "input", "languages")).contains("is-invalid");
        assertThat(tag(invalid, "input", "lastName")).contains("value=\"" + last + "\"");
        assertThat(candidatesWith(email)).isZero();

        MvcResult saved = mvc.perform(applicationTo("/hiring/candidates/new", last, email, Map.of()).with(hr).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        Long id = jdbc.queryForObject("select id from cso.candidate where email = ?", Long.class, email);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/hiring/candidates/" + id);
        assertThat(saved.getFlashMap().get("saved")).isEqualTo("Application of Lucía " + last + " entered.");
        assertThat(body(get("/hiring/candidates/{id}", id).with(hr))).contains("Lucía " + last).contains("(entered by HR)");
    }

    // ---- the public pages -------------------------------------------------------------------

    @Test
    void anyoneCanApplyThroughThePublicForm() throws Exception {
        String form = body(get("/apply"));
        assertThat(form).contains("Apply to be a Community Service Officer").contains("name=\"website\"")
                .containsPattern("name=\"_csrf\" value=\"[^\"]+\"");

        String email = Applicants.uniqueEmail("publicapplicant");
        String last = uniqueName("Public");
        mvc.perform(application(last, email).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/thanks"));

        Map<String, Object> row = jdbc.queryForMap("select id, stage, source, first_name, district_preference "
                + "from cso.candidate where email = ?", email);
        assertThat(row).containsEntry("stage", "SCREENING").containsEntry("source", "WEB")
                .containsEntry("first_name", "Lucía").containsEntry("district_preference", "Southwest");
        assertThat(body(get("/apply/thanks"))).contains("your application was received");

        // without the CSRF token nothing is stored
        String other = Applicants.uniqueEmail("nocsrf");
        mvc.perform(application(last, other)).andExpect(status().isForbidden());
        assertThat(candidatesWith(other)).isZero();
    }

    @Test
    void badPublicInputShowsTheErrorsAtTheFields() throws Exception {
        String email = "not-an-email";
        long before = jdbc.queryForObject("select count(*) from cso.candidate", Long.class);

        Map<String, String> changes = new java.util.HashMap<>();
        changes.put("firstName", "");
        changes.put("communityEngagementYears", "-2");
        changes.put("consent", null); // an unticked checkbox is not sent
        MvcResult result = mvc.perform(application(uniqueName("Bad"), email, changes).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("apply/form")).andReturn();

        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) result.getModelAndView().getModel().get("errors");
        assertThat(errors).containsOnlyKeys("firstName", "email", "communityEngagementYears", "consent");
        String html = result.getResponse().getContentAsString();
        assertThat(tag(html, "input", "firstName")).contains("is-invalid");
        assertThat(tag(html, "input", "email")).contains("is-invalid").contains("value=\"not-an-email\"");
        assertThat(tag(html, "input", "communityEngagementYears")).contains("is-invalid");
        assertThat(tag(html, "input", "consent")).contains("is-invalid");
        assertThat(tag(html, "input", "lastName")).doesNotContain("is-invalid");
        assertThat(html).contains("id=\"email-error\">must be a well-formed email address</div>")
                .contains("id=\"consent-error\">must be given to process the application</div>")
                .contains("Please correct the fields marked below.");
        assertThat(jdbc.queryForObject("select count(*) from cso.candidate", Long.class)).isEqualTo(before);
    }

    @Test
    void aFilledHoneypotStoresNothingButLooksLikeSuccess() throws Exception {
        String email = Applicants.uniqueEmail("honeybot");

        mvc.perform(application(uniqueName("Bot"), email, Map.of("website", "http://spam.example")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/thanks"));

        assertThat(candidatesWith(email)).isZero();
    }

    @Test
    void aDuplicateApplicationGetsTheFriendlyMessage() throws Exception {
        String email = Applicants.uniqueEmail("twice");
        String last = uniqueName("Twice");
        mvc.perform(application(last, email).with(csrf())).andExpect(redirectedUrl("/apply/thanks"));

        String html = mvc.perform(application(last, email.toUpperCase()).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("apply/form"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("An open application for " + email + " already exists.")
                .doesNotContain("Exception");
        assertThat(tag(html, "input", "firstName")).contains("value=\"Lucía\"");
        assertThat(candidatesWith(email)).isEqualTo(1);
    }

    @Test
    void theCandidateAcceptsTheOfferOnlineAndTheNewCsoActivatesTheLogin() throws Exception {
        Candidate candidate = apply("Olu", uniqueName("Offered"), "South");
        pass(candidate, HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW,
                HiringStage.UNION_VETTING, HiringStage.OFFER);
        String token = hiring.candidate(candidate.getId()).getOfferToken();
        assertThat(token).isNotBlank();

        // HR sees the link to send
        assertThat(body(get("/hiring/candidates/{id}", candidate.getId()).with(hr)))
                .contains("/offers/" + token).contains("Record the answer");

        String offer = body(get("/offers/{token}", token));
        assertThat(offer).contains("Conditional offer").contains("Olu ").contains("South")
                .contains("Accept the offer").contains("Decline");
        mvc.perform(get("/offers/{token}", "no-such-token")).andExpect(status().isNotFound());

        mvc.perform(post("/offers/{token}", token).with(csrf()).param("accepted", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/offers/" + token));
        assertThat(stage(candidate)).isEqualTo(HiringStage.HIRING);
        assertThat(body(get("/offers/{token}", token))).contains("This offer is closed")
                .contains("Being hired").doesNotContain("Accept the offer");
        assertThat(body(get("/hiring/candidates/{id}", candidate.getId()).with(hr))).contains("Being hired")
                .doesNotContain("Open step:");

        executeHireJob(candidate);
        Candidate hired = hiring.candidate(candidate.getId());
        assertThat(hired.getStage()).isEqualTo(HiringStage.HIRED);
        OfficerLogin login = people.officerLogin(hired.getOfficerId()).orElseThrow();
        assertThat(login.active()).isFalse();
        assertThat(body(get("/hiring/candidates/{id}", candidate.getId()).with(hr)))
                .contains("CSO login <strong>" + login.username() + "</strong>")
                .contains("/activate/" + login.activationToken());

        // activation: a mismatching confirmation is refused at its field
        assertThat(body(get("/activate/{token}", login.activationToken()))).contains("Choose your password");
        String mismatch = body(post("/activate/{token}", login.activationToken()).with(csrf())
                .param("password", "a-long-new-password").param("confirmation", "another-password"));
        assertThat(tag(mismatch, "input", "confirmation")).contains("is-invalid");
        assertThat(mismatch).contains("id=\"confirmation-error\">does not match the password</div>");
        assertThat(people.officerLogin(hired.getOfficerId()).orElseThrow().active()).isFalse();
        mvc.perform(get("/api/me").with(httpBasic(login.username(), "a-long-new-password")))
                .andExpect(status().isUnauthorized());

        String tooShort = body(post("/activate/{token}", login.activationToken()).with(csrf())
                .param("password", "short").param("confirmation", "short"));
        assertThat(tooShort).contains("id=\"password-error\">must be 10 to 200 characters</div>");

        mvc.perform(post("/activate/{token}", login.activationToken()).with(csrf())
                        .param("password", "a-long-new-password").param("confirmation", "a-long-new-password"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?activated"));
        assertThat(people.officerLogin(hired.getOfficerId()).orElseThrow().active()).isTrue();

        mvc.perform(get("/api/me").with(httpBasic(login.username(), "a-long-new-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(login.username()))
                .andExpect(jsonPath("$.roles[0]").value("CSO"))
                .andExpect(jsonPath("$.officerId").value(hired.getOfficerId()));

        // the link works once
        String again = body(post("/activate/{token}", login.activationToken()).with(csrf())
                .param("password", "yet-another-password").param("confirmation", "yet-another-password"));
        assertThat(again).contains("alert-danger");
        mvc.perform(get("/api/me").with(httpBasic(login.username(), "yet-another-password")))
                .andExpect(status().isUnauthorized());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Candidate apply(String first, String last, String district) {
        NewApplication application = new NewApplication(first, last, Applicants.uniqueEmail(first + last),
                "206-555-0100", "English, Spanish", 4, 2, Education.ASSOCIATE, true, true, district,
                "I organized block watches for years.", "en", true);
        Candidate[] created = new Candidate[1];
        TestUsers.asSystem(() -> created[0] = hiring.apply(application, ApplicationSource.HR));
        return created[0];
    }

    private MockHttpServletRequestBuilder application(String last, String email) {
        return application(last, email, Map.of());
    }

    /** The public form as a browser posts it (honeypot empty), with some fields replaced. */
    private MockHttpServletRequestBuilder application(String last, String email, Map<String, String> changes) {
        return applicationTo("/apply", last, email, changes);
    }

    private MockHttpServletRequestBuilder applicationTo(String path, String last, String email, Map<String, String> changes) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("website", "");
        fields.put("firstName", "Lucía");
        fields.put("lastName", last);
        fields.put("email", email);
        fields.put("phone", "206-555-0123");
        fields.put("languages", "Spanish, English");
        fields.put("communityEngagementYears", "3");
        fields.put("crisisExperienceYears", "1");
        fields.put("education", "SOME_COLLEGE");
        fields.put("ageEligible", "true");
        fields.put("workAuthorized", "true");
        fields.put("districtPreference", "Southwest");
        fields.put("statement", "I want to help my neighborhood.");
        fields.put("preferredLanguage", "es");
        fields.put("consent", "true");
        fields.putAll(changes);
        MockHttpServletRequestBuilder request = post(path);
        fields.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }

    private void pass(Candidate candidate, HiringStage... stages) {
        Long id = candidate.getId();
        for (HiringStage stage : stages) {
            switch (stage) {
                case SCREENING -> hiring.screen(id, new Steps.Screening(true, null, null));
                case BACKGROUND_CHECK -> hiring.recordBackgroundCheck(id, new Steps.BackgroundCheck(true, null));
                case INTERVIEW -> hiring.recordInterview(id, new Steps.Interview(85, InterviewRecommendation.RECOMMEND, null, null));
                case UNION_VETTING -> hiring.recordUnionVetting(id, new Steps.UnionVetting(true, null, null));
                case OFFER -> hiring.extendOffer(id, Applicants.offer(supervisor));
                default -> throw new IllegalArgumentException(stage.name());
            }
        }
    }

    private void executeHireJob(Candidate candidate) {
        Job job = managementService.createJobQuery()
                .processInstanceId(hiring.candidate(candidate.getId()).getProcessInstanceId())
                .activityId(HiringProcess.TASK_HIRE_CANDIDATE).singleResult();
        assertThat(job).as("the hire job of candidate " + candidate.getId()).isNotNull();
        managementService.executeJob(job.getId());
    }

    private HiringStage stage(Candidate candidate) {
        return hiring.candidate(candidate.getId()).getStage();
    }

    private List<String> history(Candidate candidate) {
        return jdbc.queryForList("select action from cso.audit_event where subject_type = 'Candidate' and subject_id = ?",
                String.class, candidate.getId().toString());
    }

    private long candidatesWith(String email) {
        return jdbc.queryForObject("select count(*) from cso.candidate where email = ?", Long.class, email.toLowerCase());
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static HiringReports.Column column(HiringReports.Board board, HiringStage stage) {
        return board.columns().stream().filter(c -> c.stage() == stage).findFirst().orElseThrow();
    }

    /** The HTML of one board column. */
    private static String columnHtml(String html, HiringStage stage) {
        int start = html.indexOf("aria-labelledby=\"col-" + stage.name() + "\"");
        assertThat(start).as("board column " + stage).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The count badge in a board column's heading. */
    private static String badge(String html, HiringStage stage) {
        Matcher m = Pattern.compile("<span class=\"badge text-bg-secondary\"[^>]*>(\\d+)</span>").matcher(columnHtml(html, stage));
        assertThat(m.find()).as("count badge of " + stage).isTrue();
        return m.group(1);
    }

    private static String historyHtml(String html) {
        int start = html.indexOf("<ol class=\"history\">");
        assertThat(start).as("history list").isNotNegative();
        return html.substring(start, html.indexOf("</ol>", start));
    }

    /** The opening tag of the element with that id, such as {@code <input ... id="panelScore" ...>}. */
    private static String tag(String html, String element, String id) {
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("<" + element + " id=\"" + id + "\">").isTrue();
        return m.group();
    }

    private static String cardLink(Candidate candidate) {
        return "href=\"/hiring/candidates/" + candidate.getId() + "\"";
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    /** A name no other test uses: the stem plus random letters (the board searches by name prefix). */
    private static String uniqueName(String stem) {
        StringBuilder name = new StringBuilder(stem);
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    private static String letters(int n) {
        return String.valueOf((char) ('a' + n % 26)) + (char) ('a' + n / 26);
    }
}
