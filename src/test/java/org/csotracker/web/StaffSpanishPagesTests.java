package org.csotracker.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.csotracker.academy.Academy;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.Candidate;
import org.csotracker.hiring.Hiring;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * The staff pages (HR, coordinator, supervisor, administrator) in Spanish: the same check as for the
 * CSO's pages, every page rendered in both languages and no text that a reader sees left in English,
 * except recorded data (names, module titles, cohort names) and codes.
 */
@CsoTrackerTest
class StaffSpanishPagesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** A username, or the display name the test users get ("Test hr-es-1"). */
    private static final Pattern USER = Pattern.compile("(Test )?[a-z0-9._@-]+");
    private static final Pattern LANGUAGE_FREE = Pattern.compile("[\\d\\s\\p{Punct}·…–—×%]*|[\\d.,]+ h|[A-Z0-9_-]+(, \\d+)?|\\S+@\\S+");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Academy academy;
    @Autowired
    Hiring hiring;
    @Autowired
    org.csotracker.department.DepartmentSettings department;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void everyStaffPageIsInSpanish() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String coordinator = users.ensure("coord-es-" + n, Set.of(Role.COORDINATOR), null);
        String hr = users.ensure("hr-es-" + n, Set.of(Role.HR), null);
        String admin = users.ensure("admin-es-" + n, Set.of(Role.ADMIN), null);
        String supervisor = users.staff(Role.SUPERVISOR);
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(2), 30);
        Officer recruit = Recruits.hire(people, "Rosa", "Campos" + n, supervisor);
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), recruit.getId()));
        Candidate candidate = TestUsers.asSystemGet(() -> hiring.apply(Applicants.strong("Iker", "Soto" + n), ApplicationSource.WEB));

        Map<String, List<String>> pages = Map.of(
                coordinator, List.of("/academy", "/academy/cohorts/" + cohort.getId(), "/academy/recruits/" + recruit.getId(),
                        "/academy/modules", "/certification", "/certification/submissions", "/certification/sessions",
                        "/certification/officers/" + recruit.getId(), "/reports", "/reports/academy",
                        "/reports/continuing-education", "/reports/certification", "/processes"),
                hr, List.of("/hiring", "/hiring/candidates", "/hiring/candidates/new", "/hiring/candidates/" + candidate.getId(),
                        "/hiring/tasks", "/hiring/funnel", "/reports/hiring"),
                admin, List.of("/admin", "/admin/users", "/admin/users/new", "/admin/rules", "/admin/audit"));
        // recorded data reads the same in both languages: people, cohorts, the catalog, places
        Set<String> data = new HashSet<>(Set.of("CSO Tracker", "Cockpit", "English", "Español", "No", cohort.getName(),
                recruit.getFullName(), candidate.getFullName(), "Training center", "Ofc. Rivera", "Dr. Banks", "Room 2",
                "Room 3", department.name(), department.unit(), candidate.getLanguages()));
        data.addAll(department.districts());
        // other tests' people share the database and appear on the same lists
        data.addAll(jdbc.queryForList("""
                select first_name || ' ' || last_name from cso.candidate
                union select first_name || ' ' || last_name from cso.officer
                union select display_name from cso.user_account
                union select name from cso.cohort union select location from cso.cohort
                union select title from cso.ce_record union select provider from cso.ce_record""", String.class));
        academy.currentModules().forEach(m -> {
            data.add(m.getTitle());
            data.add(m.getDescription());
        });
        List<String> untranslated = new ArrayList<>();
        for (var entry : pages.entrySet()) {
            for (String page : entry.getValue()) {
                TestUsers.asSystem(() -> people.changeLanguage(entry.getKey(), "en"));
                Document english = render(page, entry.getKey());
                TestUsers.asSystem(() -> people.changeLanguage(entry.getKey(), "es"));
                Document spanish = render(page, entry.getKey());
                assertThat(spanish.select("html").attr("lang")).as(page).isEqualTo("es");
                Set<String> englishTexts = new HashSet<>(SpanishPagesTests.visibleTexts(english));
                SpanishPagesTests.visibleTexts(spanish).stream().filter(englishTexts::contains)
                        .filter(text -> !LANGUAGE_FREE.matcher(text).matches() && !USER.matcher(text).matches())
                        .filter(text -> !data.contains(text.replaceFirst("^· ", ""))).distinct()
                        .forEach(text -> untranslated.add(page + ": " + text));
            }
        }
        assertThat(untranslated).as("text on staff pages that reads the same in Spanish as in English").isEmpty();
    }

    private Document render(String page, String user) throws Exception {
        var response = mvc.perform(get(page).with(users.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(page).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void whatACoordinatorIsToldIsInSpanish() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String coordinator = users.ensure("coord-flash-" + n, Set.of(Role.COORDINATOR), null);
        TestUsers.asSystem(() -> people.changeLanguage(coordinator, "es"));
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(2), 30);
        Officer recruit = Recruits.hire(people, "Rosa", "Campos" + n, users.staff(Role.SUPERVISOR));
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), recruit.getId()));

        var empty = mvc.perform(post("/academy/cohorts/{id}/results", cohort.getId()).with(users.as(coordinator)).with(csrf())
                .param("moduleCode", "DE-ESCALATION").param("instructor", "Ofc. Rivera").param("assessedOn", LocalDate.now().toString())
                .param("rows[0].officerId", recruit.getId().toString())).andReturn().getResponse();
        assertThat(Jsoup.parse(empty.getContentAsString()).select(".alert-danger").text())
                .contains("Introduzca al menos una puntuación");

        mvc.perform(post("/academy/cohorts/{id}/results", cohort.getId()).with(users.as(coordinator)).with(csrf())
                        .param("moduleCode", "DE-ESCALATION").param("instructor", "Ofc. Rivera")
                        .param("assessedOn", LocalDate.now().toString()).param("rows[0].officerId", recruit.getId().toString())
                        .param("rows[0].score", "91").param("rows[0].hoursAttended", "32").param("rows[0].practicalPassed", "true"))
                .andExpect(flash().attribute("saved", "De-escalation: 1 resultado registrado (1 aprobados, 0 no aprobados)."));

        String taken = mvc.perform(post("/academy/cohorts").with(users.as(coordinator)).with(csrf()).param("name", cohort.getName())
                        .param("startDate", LocalDate.now().plusWeeks(3).toString()).param("capacity", "20")
                        .param("coordinator", coordinator).param("location", "Aula 1"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(taken).select(".alert-danger").text()).isEqualTo("Ya existe una promoción llamada " + cohort.getName() + ".");
    }
}
