package org.csotracker.reports;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.csotracker.academy.Academy;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.NewApplication;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The CSV exports parse back with the right columns, encoding, quoting, guard and role rules. */
@CsoTrackerTest
class CsvExportsTests {

    @Autowired
    MockMvc mvc;
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

    @Test
    void candidatesExportIsUtf8WithBomQuotedAndDateStamped() throws Exception {
        NewApplication strong = Applicants.strong("Zoë", "Ñúñez-Ålvarez");
        TestUsers.asSystem(() -> hiring.apply(strong, ApplicationSource.HR));

        MockHttpServletResponse response = download("/api/exports/candidates.csv", users.as(Role.HR));

        assertThat(response.getContentType().replace(" ", "")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"candidates-" + LocalDate.now() + ".csv\"");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n"); // RFC 4180 line ends
        List<CSVRecord> rows = parse(text);
        assertThat(rows.get(0).getParser().getHeaderNames()).startsWith("Candidate ID", "Last name", "First name", "Email")
                .contains("Stage", "Applied", "Rejection reason", "Officer ID");
        CSVRecord row = rows.stream().filter(r -> r.get("Email").equals(strong.email())).findFirst().orElseThrow();
        assertThat(row.get("Last name")).isEqualTo("Ñúñez-Ålvarez");
        assertThat(row.get("First name")).isEqualTo("Zoë");
        assertThat(row.get("Stage")).isEqualTo("SCREENING");
    }

    @Test
    void textThatASpreadsheetWouldRunIsGuardedAndCommasAndQuotesAreQuoted() throws Exception {
        Officer officer = Officers.certified(people, events, tx, "Amélie", "Guard", users.staff(Role.SUPERVISOR),
                LocalDate.now().minusMonths(3));
        String title = "=HYPERLINK(\"http://evil.example\",\"Click\") " + officer.getId();
        TestUsers.asSystem(() -> education.record(officer.getId(), new CeEntry("ELECTIVE", title,
                "Smith, \"Jr\" Training", new BigDecimal("2.5"), LocalDate.now().minusDays(3))));
        TestUsers.asSystem(() -> education.record(officer.getId(), new CeEntry("ELECTIVE", "-1+2 workshop " + officer.getId(),
                "@provider", new BigDecimal("1"), LocalDate.now().minusDays(2))));

        String text = body(download("/api/exports/continuing-education.csv", users.as(Role.COORDINATOR)));

        assertThat(text).contains("\"Smith, \"\"Jr\"\" Training\""); // RFC 4180: quoted, inner quotes doubled
        Map<String, CSVRecord> byTitle = parse(text).stream().filter(r -> r.get("Employee number").equals(officer.getEmployeeNumber()))
                .collect(Collectors.toMap(r -> r.get("Title"), r -> r));
        assertThat(byTitle).containsKeys("'" + title, "'-1+2 workshop " + officer.getId());
        CSVRecord first = byTitle.get("'" + title);
        assertThat(first.get("Provider")).isEqualTo("Smith, \"Jr\" Training");
        assertThat(first.get("Hours")).isEqualTo("2.5");
        assertThat(first.get("First name")).isEqualTo("Amélie");
        assertThat(byTitle.get("'-1+2 workshop " + officer.getId()).get("Provider")).isEqualTo("'@provider");
    }

    @Test
    void aSupervisorExportsOnlyTheirOwnUnit() throws Exception {
        String supervisor = users.ensure("report-sup-" + System.nanoTime(), java.util.Set.of(Role.SUPERVISOR), null);
        Officer mine = Officers.certified(people, events, tx, "Mine", "Unit", supervisor, LocalDate.now().minusMonths(2));
        Officer theirs = Officers.certified(people, events, tx, "Other", "Unit", users.staff(Role.SUPERVISOR),
                LocalDate.now().minusMonths(2));

        List<CSVRecord> unit = parse(body(download("/api/exports/certifications.csv", users.as(supervisor))));
        assertThat(unit).extracting(r -> r.get("Employee number")).containsExactly(mine.getEmployeeNumber());
        assertThat(unit.get(0).get("Certification status")).isEqualTo("ACTIVE");
        assertThat(unit.get(0).get("Supervisor")).isEqualTo(supervisor);
        assertThat(unit.get(0).get("Period end")).isEqualTo(LocalDate.now().minusMonths(2).plusMonths(24).toString());

        List<CSVRecord> everyone = parse(body(download("/api/exports/certifications.csv", users.as(Role.COORDINATOR))));
        assertThat(everyone).extracting(r -> r.get("Employee number"))
                .contains(mine.getEmployeeNumber(), theirs.getEmployeeNumber());
    }

    @Test
    void eachExportIsRefusedToTheRolesItIsNotFor() throws Exception {
        mvc.perform(get("/api/exports/candidates.csv").with(users.as(Role.COORDINATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/exports/certifications.csv").with(users.as(Role.HR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/exports/certifications.csv").with(users.as(Role.CSO))).andExpect(status().isForbidden());
        mvc.perform(get("/api/exports/module-results.csv").with(users.as(Role.SUPERVISOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/exports/continuing-education.csv").with(users.as(Role.ADMIN))).andExpect(status().isForbidden());
        mvc.perform(get("/api/exports/candidates.csv")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCohortRosterAndItsResultsListTheRecruitsWithTheirModules() throws Exception {
        String coordinator = users.staff(Role.COORDINATOR);
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(1), 10);
        Officer recruit = Recruits.hire(people, "Søren", "Kierkegård", null);
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), recruit.getId()));
        TestUsers.asSystem(() -> academy.recordResult(recruit.getId(), "DE-ESCALATION", Recruits.score(91)));

        MockHttpServletResponse roster = download("/api/exports/cohorts/" + cohort.getId() + "/roster.csv", users.as(coordinator));
        assertThat(roster.getHeader("Content-Disposition")).contains("roster-cohort-").endsWith("-" + LocalDate.now() + ".csv\"");
        List<CSVRecord> rows = parse(body(roster));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Last name")).isEqualTo("Kierkegård");
        assertThat(rows.get(0).get("Status")).isEqualTo("ENROLLED");
        assertThat(rows.get(0).get("Modules passed")).isEqualTo("1");
        assertThat(rows.get(0).getParser().getHeaderNames()).anyMatch(h -> h.startsWith("DE-ESCALATION "));

        List<CSVRecord> results = parse(body(download("/api/exports/module-results.csv?cohort=" + cohort.getId(),
                users.as(coordinator))));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("Module")).isEqualTo("DE-ESCALATION");
        assertThat(results.get(0).get("Score")).isEqualTo("91");
        assertThat(results.get(0).get("Passed")).isEqualTo("yes");
        assertThat(results.get(0).get("First name")).isEqualTo("Søren");
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndUnknownCohortsAreNotFound() throws Exception {
        mvc.perform(get("/api/exports/continuing-education.csv?from=31/01/2026").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/exports/continuing-education.csv?from=2026-02-01&to=2026-01-01").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/exports/module-results.csv?cohort=abc").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/exports/cohorts/987654321/roster.csv").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/exports/module-results.csv?cohort=987654321").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void everyExportIsAudited() throws Exception {
        String coordinator = users.staff(Role.COORDINATOR);
        long before = exportsBy(coordinator);
        download("/api/exports/certifications.csv", users.as(coordinator));
        assertThat(exportsBy(coordinator)).isEqualTo(before + 1);
    }

    private long exportsBy(String actor) {
        return jdbc.queryForObject("select count(*) from cso.audit_event where actor = ? and action = 'EXPORTED'",
                Long.class, actor);
    }

    private MockHttpServletResponse download(String path,
            org.springframework.test.web.servlet.request.RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) {
        String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return text.substring(1);
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
