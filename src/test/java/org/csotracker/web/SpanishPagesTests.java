package org.csotracker.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.certification.Certifications;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.Candidate;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.InterviewRecommendation;
import org.csotracker.hiring.Steps;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page a CSO uses, and every public page, rendered in Spanish: no text a reader sees may be its
 * English rendering, except names, numbers, codes and the product name. The language comes from the
 * account of a signed-in user and from the cookie of a visitor; the switch saves it and audits it.
 */
@CsoTrackerTest
class SpanishPagesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String COOKIE = "csotracker-language";
    /** Dates, numbers, hours, codes and punctuation read the same in both languages. */
    private static final Pattern LANGUAGE_FREE = Pattern.compile("[\\d\\s\\p{Punct}·…–—]*|[\\d.,]+ h|[A-Z0-9-]+|\\S+@\\S+");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Hiring hiring;
    @Autowired
    Certifications certifications;
    @Autowired
    ManagementService management;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DepartmentSettings department;
    @Autowired
    JdbcTemplate jdbc;

    Officer officer;
    String cso;
    String certificate;
    /** Proper names on the pages: people and their usernames, the department, its unit and districts, the product, the languages. */
    Set<String> names;

    @BeforeEach
    void certifiedCsoWithALogin() {
        int n = SEQUENCE.incrementAndGet();
        String supervisor = users.staff(Role.SUPERVISOR);
        officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer("Lucía", "Hernández" + n,
                "lucia." + System.nanoTime() + "@example.org", null, "East", ProgramComponent.COMMUNITY_ENGAGEMENT,
                ShiftPattern.MON_FRI_DAY, supervisor, LocalDate.now().minusWeeks(12), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(),
                null, "Cohort Fall", LocalDate.now().minusDays(20), List.of()))));
        cso = users.ensure("cso-spanish-" + n, Set.of(Role.CSO), officer.getId());
        String process = certifications.ofOfficer(officer.getId()).orElseThrow().getProcessInstanceId();
        Job issue = management.createJobQuery().processInstanceId(process).activityId("Task_IssueCertificate").singleResult();
        management.executeJob(issue.getId());
        certificate = certifications.certificates(officer.getId()).get(0).getNumber();
        names = new HashSet<>(Set.of("CSO Tracker", "API", "Cockpit", "English", "Español", "No",
                department.name(), department.unit(), officer.getFullName(), "Test " + cso, cso));
        names.addAll(department.districts());
    }

    @Test
    void everyPageACsoUsesIsInSpanish() throws Exception {
        for (String page : List.of("/", "/me", "/me/calendar", "/account", "/notifications", "/error")) {
            TestUsers.asSystem(() -> people.changeLanguage(cso, "en"));
            Document english = render(get(page).with(users.as(cso)).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404));
            TestUsers.asSystem(() -> people.changeLanguage(cso, "es"));
            Document spanish = render(get(page).with(users.as(cso)).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404));
            assertSpanish(page, english, spanish);
        }
        Document me = render(get("/me").with(users.as(cso)));
        assertThat(me.text()).contains("Mi certificación", "Estado de la certificación", "Vigente", "Certificados",
                "Finalización de la academia", "Enviar capacitación externa", "Constancia de asistencia");
    }

    @Test
    void everyPublicPageIsInSpanish() throws Exception {
        Candidate offered = offeredCandidate();
        Officer newcomer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer("Mateo", "Ruiz" + SEQUENCE.incrementAndGet(),
                "mateo." + System.nanoTime() + "@example.org", null, "South", ProgramComponent.YOUTH_SERVICES,
                ShiftPattern.TUE_SAT_DAY, users.staff(Role.SUPERVISOR), LocalDate.now().plusWeeks(2), null)));
        String activation = TestUsers.asSystemGet(() -> people.createOfficerLogin(newcomer.getId())).activationToken();
        names.add(offered.getFullName());
        names.add(offered.getOfferDistrict());

        List<String> pages = List.of("/login", "/apply", "/apply/thanks", "/verify", "/verify?number=12%2034",
                "/verify/" + certificate, "/verify/CSO-2000-000000-0", "/offers/" + offered.getOfferToken(),
                "/activate/" + activation);
        for (String page : pages) {
            Document english = render(get(page).cookie(new Cookie(COOKIE, "en")));
            Document spanish = render(get(page).cookie(new Cookie(COOKIE, "es")));
            assertSpanish(page, english, spanish);
        }
        assertThat(render(get("/apply").cookie(new Cookie(COOKIE, "es"))).select("#preferredLanguage option[selected]").val())
                .as("the page language is the first guess for the mails").isEqualTo("es");
    }

    @Test
    void aVisitorsBrowserLanguageCountsUntilTheyChooseAndTheChoiceIsKeptInACookie() throws Exception {
        assertThat(render(get("/login").header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")).select("h1").text())
                .isEqualTo("Iniciar sesión");
        assertThat(render(get("/login").header("Accept-Language", "fr-FR")).select("h1").text()).isEqualTo("Sign in");
        assertThat(render(get("/login")).select("html").attr("lang")).isEqualTo("en");

        mvc.perform(post("/language").with(csrf()).param("language", "es").param("returnTo", "/verify?number=x"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/verify?number=x"))
                .andExpect(cookie().value(COOKIE, "es")).andExpect(cookie().httpOnly(COOKIE, true));
        // the cookie wins over the browser
        assertThat(render(get("/login").cookie(new Cookie(COOKIE, "es")).header("Accept-Language", "en"))
                .select("html").attr("lang")).isEqualTo("es");
        // only paths inside the app, and no language the app does not speak
        mvc.perform(post("/language").with(csrf()).param("language", "es").param("returnTo", "//evil.example/x"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/language").with(csrf()).param("language", "es").param("returnTo", "https://evil.example/"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/language").with(csrf()).param("language", "xx")).andExpect(cookie().value(COOKIE, "en"));
        mvc.perform(post("/language").param("language", "es")).andExpect(status().isForbidden());
    }

    @Test
    void theAccountSettingWinsOverTheCookieAndAChangeIsSavedAndAudited() throws Exception {
        mvc.perform(post("/language").with(csrf()).with(users.as(cso)).param("language", "es").param("returnTo", "/me"))
                .andExpect(redirectedUrl("/me"));
        assertThat(people.languageOf(cso)).contains("es");
        assertThat(jdbc.queryForObject("select count(*) from cso.audit_event where actor = ? and action = 'LANGUAGE_CHANGED'"
                + " and details = 'en to es'", Integer.class, cso)).isEqualTo(1);

        Document page = render(get("/me").with(users.as(cso)).cookie(new Cookie(COOKIE, "en")).header("Accept-Language", "en"));
        assertThat(page.select("h1").text()).isEqualTo("Mi certificación");
        assertThat(page.select("html").attr("lang")).isEqualTo("es");

        // choosing the same language again changes nothing and records nothing
        mvc.perform(post("/language").with(csrf()).with(users.as(cso)).param("language", "es"));
        assertThat(jdbc.queryForObject("select count(*) from cso.audit_event where actor = ? and action = 'LANGUAGE_CHANGED'",
                Integer.class, cso)).isEqualTo(1);
    }

    @Test
    void formErrorsAreShownInTheLanguageOfThePage() throws Exception {
        Document page = render(post("/apply").with(csrf()).cookie(new Cookie(COOKIE, "es")).param("firstName", "Ana")
                .param("phone", "call me!"), 200);
        assertThat(page.select("#lastName-error").text()).isEqualTo("es obligatorio");
        assertThat(page.select("#phone-error").text()).isEqualTo("solo puede contener dígitos, espacios y + ( ) - .");
        assertThat(page.select("#consent-error").text()).isEqualTo("es necesario para tramitar la solicitud");
        assertThat(page.select(".alert-danger").text()).isEqualTo("Corrija los campos marcados abajo.");
    }

    @Test
    void errorPagesSpeakTheReadersLanguage() throws Exception {
        Document spanish = render(get("/offers/{token}", "no-such-offer").cookie(new Cookie(COOKIE, "es")), 404);
        assertThat(spanish.select("h1").text()).isEqualTo("No encontrado");
        assertThat(spanish.select("main").text()).contains("Este enlace de oferta no existe.")
                .doesNotContain("This offer link is unknown.");
        Document english = render(get("/offers/{token}", "no-such-offer").cookie(new Cookie(COOKIE, "en")), 404);
        assertThat(english.select("main").text()).contains("This offer link is unknown.");
    }

    @Test
    void errorsRaisedByTheProgramAreInTheLanguageOfThePage() throws Exception {
        String title = "Primeros auxilios " + SEQUENCE.incrementAndGet();
        names.add(title); // what the CSO typed is shown as typed
        TestUsers.asSystem(() -> people.changeLanguage(cso, "en"));
        assertThat(submitCourse(title).getStatus()).isEqualTo(302);
        Document english = Jsoup.parse(submitCourse(title).getContentAsString());
        TestUsers.asSystem(() -> people.changeLanguage(cso, "es"));
        Document spanish = Jsoup.parse(submitCourse(title).getContentAsString());
        assertThat(english.select(".alert-danger").text()).startsWith("You already have this course on");
        assertThat(spanish.select(".alert-danger").text()).startsWith("Ya tiene este curso del").endsWith("registrado.");
        assertSpanish("/me after submitting a course already on record", english, spanish);

        // a record that does not exist: the error page names it in Spanish
        Document missing = render(get("/me/certificates/CSO-2000-000000-0.pdf").with(users.as(cso)), 404);
        assertThat(missing.select("main").text()).contains("No se encontró: certificado CSO-2000-000000-0.");

        // the API answers a Spanish reader in Spanish, and an English one in English
        String wrongPassword = "{\"currentPassword\":\"not-my-password\",\"newPassword\":\"a-new-passphrase-2026\"}";
        mvc.perform(put("/api/me/password").with(users.as(cso)).with(csrf()).contentType("application/json").content(wrongPassword))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].message").value("no es su contraseña actual"));
        TestUsers.asSystem(() -> people.changeLanguage(cso, "en"));
        mvc.perform(put("/api/me/password").with(users.as(cso)).with(csrf()).contentType("application/json").content(wrongPassword))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is not your current password"));
    }

    private org.springframework.mock.web.MockHttpServletResponse submitCourse(String title) throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return mvc.perform(multipart("/me/continuing-education")
                        .file(new MockMultipartFile("evidence", "constancia.pdf", "application/pdf", pdf))
                        .param("category", "ELECTIVE").param("title", title).param("provider", "Cruz Roja")
                        .param("hours", "6").param("completedOn", LocalDate.now().minusDays(7).toString())
                        .with(users.as(cso)).with(csrf()))
                .andReturn().getResponse();
    }

    @Test
    void theCalendarPageShowingANewLinkIsInSpanish() throws Exception {
        var flash = mvc.perform(post("/me/calendar").with(csrf()).with(users.as(cso)))
                .andExpect(redirectedUrl("/me/calendar")).andReturn().getFlashMap();
        TestUsers.asSystem(() -> people.changeLanguage(cso, "en"));
        Document english = render(get("/me/calendar").with(users.as(cso)).flashAttrs(flash));
        TestUsers.asSystem(() -> people.changeLanguage(cso, "es"));
        Document spanish = render(get("/me/calendar").with(users.as(cso)).flashAttrs(flash));
        assertSpanish("/me/calendar with a new link", english, spanish);
        assertThat(spanish.select("#feed-url").val()).contains("/calendar/").endsWith(".ics");
        assertThat(spanish.select("#new-link-title").text()).isNotEqualTo(english.select("#new-link-title").text());
    }

    private void assertSpanish(String page, Document english, Document spanish) {
        assertThat(spanish.select("html").attr("lang")).as(page + " says it is Spanish").isEqualTo("es");
        assertThat(english.select("html").attr("lang")).as(page + " in English").isEqualTo("en");
        Set<String> englishTexts = new HashSet<>(visibleTexts(english));
        List<String> untranslated = visibleTexts(spanish).stream().filter(englishTexts::contains)
                .filter(text -> !LANGUAGE_FREE.matcher(text).matches() && !names.contains(text)).distinct().toList();
        assertThat(untranslated).as("text on " + page + " that reads the same in Spanish as in English").isEmpty();
    }

    /** Text nodes and readable attributes, except recorded data marked translate="no" and hidden fields. */
    static List<String> visibleTexts(Document document) {
        List<String> texts = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            if (element.tagName().equals("script") || element.tagName().equals("style") || untranslatable(element)) {
                continue;
            }
            for (TextNode node : element.textNodes()) {
                String text = node.text().strip();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
            for (String attribute : List.of("title", "alt", "placeholder", "aria-label", "aria-valuetext", "data-too-large")) {
                if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
                    texts.add(element.attr(attribute).strip());
                }
            }
        }
        return texts;
    }

    private static boolean untranslatable(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if ("no".equals(e.attr("translate"))) {
                return true;
            }
        }
        return false;
    }

    private Document render(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String html = response.getContentAsString();
        assertThat(html).as("a page, not " + response.getStatus() + " " + response.getRedirectedUrl() + " "
                + response.getErrorMessage()).contains("<html");
        return Jsoup.parse(html);
    }

    private Document render(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return Jsoup.parse(response.getContentAsString());
    }

    private Candidate offeredCandidate() {
        String supervisor = users.staff(Role.SUPERVISOR);
        return TestUsers.asSystemGet(() -> {
            Candidate c = hiring.apply(Applicants.strong("Valentina", "Ortega" + SEQUENCE.incrementAndGet()),
                    org.csotracker.hiring.ApplicationSource.WEB);
            Long id = c.getId();
            hiring.screen(id, new Steps.Screening(true, null, null));
            hiring.recordBackgroundCheck(id, new Steps.BackgroundCheck(true, null));
            hiring.recordInterview(id, new Steps.Interview(85, InterviewRecommendation.RECOMMEND, null, null));
            hiring.recordUnionVetting(id, new Steps.UnionVetting(true, null, null));
            hiring.extendOffer(id, Applicants.offer(supervisor));
            return hiring.candidate(id);
        });
    }
}
