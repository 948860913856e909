package org.csotracker.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.csotracker.academy.Academy;
import org.csotracker.academy.Recruits;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Script injection is inert: markup typed into every free-text field (candidate names and
 * statements through the public form and the API, HR notes, module titles and descriptions,
 * cohort names, result notes, remediation plans, CE course names, rejection reasons, officer names)
 * comes back escaped on every page that shows it, and is printed as literal text on certificates.
 */
@CsoTrackerTest
class ScriptInjectionTests {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";
    static final String PAYLOAD = SCRIPT + IMAGE;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    ApplicationContext context;
    @Autowired
    People people;
    @Autowired
    Academy academy;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void markupInEveryFreeTextFieldIsShownAsTextOnEveryPage() throws Exception {
        String hr = users.staff(Role.HR);
        String coordinator = users.staff(Role.COORDINATOR);
        String admin = users.staff(Role.ADMIN);
        String supervisor = users.ensure("xss-supervisor", java.util.Set.of(Role.SUPERVISOR), null);
        long n = System.nanoTime();

        // a candidate through the public form, another through the API, with HR's note
        String email = "xss" + n + "@example.org";
        ok(post("/apply").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("firstName", PAYLOAD).param("lastName", PAYLOAD).param("email", email).param("phone", "206-555-0100")
                .param("languages", PAYLOAD).param("communityEngagementYears", "3").param("crisisExperienceYears", "2")
                .param("education", "BACHELOR").param("ageEligible", "true").param("workAuthorized", "true")
                .param("statement", PAYLOAD).param("preferredLanguage", "en").param("consent", "true"), 302);
        Long formCandidate = jdbc.queryForObject("select id from cso.candidate where email = ?", Long.class, email);
        Long apiCandidate = json(ok(post("/api/applications").with(users.as(hr)).contentType(MediaType.APPLICATION_JSON)
                .content(applicationJson("api" + n + "@example.org")), 201)).get("id").asLong();
        ok(post("/api/candidates/{id}/screening", apiCandidate).with(users.as(hr)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"passed\":true,\"note\":" + quoted(PAYLOAD) + "}"), 200);

        // the academy: a module, a cohort, a recruit named with markup, a failed result and its remediation plan
        String code = "XSS-" + (n % 100000);
        ok(post("/api/modules").with(users.as(coordinator)).contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","definition":{"title":%s,"description":%s,"hours":4,"weekFrom":1,"weekTo":1,
                 "passingScore":70,"practicalRequired":false,"active":true}}""".formatted(code, quoted(PAYLOAD), quoted(PAYLOAD))), 201);
        Long cohortId = json(ok(post("/api/cohorts").with(users.as(coordinator)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":%s,"startDate":"%s","capacity":10,"coordinator":"%s","location":%s}"""
                        .formatted(quoted(PAYLOAD + n), LocalDate.now().minusWeeks(1), coordinator, quoted(PAYLOAD))), 201))
                .get("id").asLong();
        Officer recruit = Recruits.hire(people, PAYLOAD, PAYLOAD, supervisor);
        ok(post("/api/cohorts/{id}/recruits", cohortId).with(users.as(coordinator)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"officerId\":" + recruit.getId() + "}"), 201);
        ok(post("/api/recruits/{id}/modules/{code}/results", recruit.getId(), "DE-ESCALATION").with(users.as(coordinator))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"score":10,"hoursAttended":4,"assessedOn":"%s","instructor":%s,"practicalPassed":false,"notes":%s}"""
                        .formatted(LocalDate.now(), quoted(PAYLOAD), quoted(PAYLOAD))), 201);
        ok(post("/api/recruits/{id}/modules/{code}/remediation", recruit.getId(), "DE-ESCALATION").with(users.as(coordinator))
                .contentType(MediaType.APPLICATION_JSON).content("{\"plan\":" + quoted(PAYLOAD) + ",\"dueDate\":\""
                        + LocalDate.now().plusWeeks(1) + "\"}"), 201);

        // certification: an officer named with markup, CE hours, an outside course the coordinator rejects
        Fixtures.Cso cso = Fixtures.certified(context, users, PAYLOAD, PAYLOAD, supervisor, Long.toString(n, 36));
        ok(post("/api/officers/{id}/continuing-education", cso.officerId()).with(users.as(coordinator))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"category":"ELECTIVE","title":%s,"provider":%s,"hours":2,"completedOn":"%s"}"""
                        .formatted(quoted(PAYLOAD), quoted(PAYLOAD), LocalDate.now().minusDays(3))), 201);
        Long submission = json(ok(multipart("/api/me/continuing-education/submissions")
                .file(new MockMultipartFile("evidence", PAYLOAD + ".pdf", "application/pdf", Fixtures.PDF))
                .param("category", "ELECTIVE").param("title", PAYLOAD + " outside").param("provider", PAYLOAD)
                .param("hours", "3").param("completedOn", LocalDate.now().minusDays(4).toString())
                .with(users.as(cso.login())).with(csrf()), 201)).get("id").asLong();
        ok(post("/api/continuing-education/submissions/{id}/review", cso.submissionId()).with(users.as(coordinator))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approved\":false,\"reason\":" + quoted(PAYLOAD) + "}"), 200);

        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/hiring/candidates/" + formCandidate, hr);
        pages.put("/hiring/candidates/" + apiCandidate, hr);
        pages.put("/hiring/candidates?q=xss", hr);
        pages.put("/hiring", hr);
        pages.put("/hiring/tasks", hr);
        pages.put("/academy", coordinator);
        pages.put("/academy/modules", coordinator);
        pages.put("/academy/cohorts/" + cohortId, coordinator);
        pages.put("/academy/recruits/" + recruit.getId(), coordinator);
        pages.put("/certification", coordinator);
        pages.put("/certification/officers/" + cso.officerId(), coordinator);
        pages.put("/certification/submissions", coordinator);
        pages.put("/notifications", coordinator);
        pages.put("/me", cso.login());
        pages.put("/admin/audit", admin);
        pages.put("/verify/" + cso.certificateNumber(), null);
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            var request = get(page.getKey()).accept(MediaType.TEXT_HTML);
            if (page.getValue() != null) {
                request.with(users.as(page.getValue()));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(page.getKey()).isEqualTo(200);
            Document html = Jsoup.parse(response.getContentAsString());
            assertThat(html.select("script").stream().map(Element::data).filter(s -> s.contains("alert(1)")).toList())
                    .as("script elements injected into " + page.getKey()).isEmpty();
            assertThat(html.select("[onerror], img[src=x]")).as("event handlers injected into " + page.getKey()).isEmpty();
            if (html.text().contains(SCRIPT) && html.text().contains(IMAGE.substring(2))) {
                shown.add(page.getKey());
            }
        }
        // the markup is there, as text, wherever the record is shown
        assertThat(shown).contains("/hiring/candidates/" + formCandidate, "/hiring/candidates/" + apiCandidate,
                "/academy/modules", "/academy/cohorts/" + cohortId, "/academy/recruits/" + recruit.getId(),
                "/certification/officers/" + cso.officerId(), "/me", "/verify/" + cso.certificateNumber());
        assertThat(submission).isPositive();
    }

    @Test
    void certificatesPrintMarkupInNamesAsLiteralText() throws Exception {
        String supervisor = users.staff(Role.SUPERVISOR);
        Fixtures.Cso cso = Fixtures.certified(context, users, SCRIPT, IMAGE, supervisor, "pdf" + System.nanoTime());
        byte[] pdf = mvc.perform(get("/api/me/certificates/{n}.pdf", cso.certificateNumber()).with(users.as(cso.login())))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(SCRIPT).contains(IMAGE);
        }
    }

    private MockHttpServletResponse ok(RequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(MockHttpServletResponse response) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getContentAsString());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String applicationJson(String email) {
        return """
                {"firstName":%s,"lastName":%s,"email":"%s","languages":%s,"communityEngagementYears":3,
                 "crisisExperienceYears":2,"education":"BACHELOR","ageEligible":true,"workAuthorized":true,
                 "statement":%s,"preferredLanguage":"en","consent":true}"""
                .formatted(quoted(PAYLOAD), quoted(PAYLOAD), email, quoted(PAYLOAD), quoted(PAYLOAD));
    }
}
