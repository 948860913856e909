package org.csotracker.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.csotracker.academy.Academy;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.Steps;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.StatementCounter;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboards show the numbers the data holds, each chart beside its table, to the right people. */
@CsoTrackerTest
class ReportPagesTests {

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
    void theHiringDashboardCountsAFinishedScreeningInTimeInStage() throws Exception {
        long before = cellNumber(page("/reports/hiring", users.as(Role.HR)), "time-table", "Screening", 1);
        TestUsers.asSystem(() -> {
            var candidate = hiring.apply(Applicants.strong("Tina", "Timing"), ApplicationSource.HR);
            hiring.screen(candidate.getId(), new Steps.Screening(true, null, null));
        });

        String html = page("/reports/hiring", users.as(Role.HR));

        assertThat(cellNumber(html, "time-table", "Screening", 1)).isEqualTo(before + 1);
        long reached = jdbc.queryForObject("select count(distinct candidate_id) from cso.candidate_stage where stage = 'SCREENING'",
                Long.class);
        assertThat(cellNumber(html, "funnel-table", "Screening", 1)).isEqualTo(reached);
        assertThat(html).contains("data-chart-for=\"funnel-table\"", "data-chart-for=\"time-table\"",
                "/vendor/chart.js/chart.umd.min.js", "<caption>");
    }

    @Test
    void theAcademyDashboardShowsACohortsPassAndCompletionRates() throws Exception {
        String coordinator = users.staff(Role.COORDINATOR);
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now(), 10);
        Officer passes = Recruits.hire(people, "Pass", "Ing", null);
        Officer fails = Recruits.hire(people, "Fail", "Ing", null);
        TestUsers.asSystem(() -> {
            academy.enroll(cohort.getId(), passes.getId());
            academy.enroll(cohort.getId(), fails.getId());
            academy.recordResult(passes.getId(), "DE-ESCALATION", Recruits.score(95));
            academy.recordResult(fails.getId(), "DE-ESCALATION", Recruits.score(10));
        });

        String html = page("/reports/academy", users.as(coordinator));

        String row = row(html, "cohorts-table", cohort.getName());
        assertThat(row).contains("data-value=\"50.0\"", "50.0 %");
        assertThat(cellNumber(html, "cohorts-table", cohort.getName(), 2)).isEqualTo(2); // recruits
        assertThat(row(html, "modules-table", "DE-ESCALATION")).contains("data-value=");
        assertThat(html).contains("/api/exports/cohorts/" + cohort.getId() + "/roster.csv",
                "/api/calendars/cohorts/" + cohort.getId() + ".ics");
    }

    @Test
    void theCertificationDashboardShowsASupervisorOnlyTheirUnit() throws Exception {
        String supervisor = users.ensure("report-unit-" + System.nanoTime(), Set.of(Role.SUPERVISOR), null);
        Officer mine = Officers.expiringIn(people, events, tx, "Marta", "Mine", supervisor, 20);
        Officer other = Officers.expiringIn(people, events, tx, "Otto", "Other", users.staff(Role.SUPERVISOR), 10);

        String unit = page("/reports/certification", users.as(supervisor));

        assertThat(unit).contains("Certification report: my unit", "Expiring in the next 90 days: 1", mine.getFullName())
                .doesNotContain(other.getFullName());
        String thisMonth = LocalDate.now().toString().substring(0, 7);
        assertThat(cellNumber(unit, "over-time-table", thisMonth, 1)).isEqualTo(1); // one active certification
        assertThat(cellNumber(unit, "expiry-table", "Week 3", 3)).isEqualTo(1); // 20 days from today

        String everyone = page("/reports/certification", users.as(Role.COORDINATOR));
        assertThat(everyone).contains(mine.getFullName(), other.getFullName());
    }

    @Test
    void theContinuingEducationDashboardAddsUpHoursByCategory() throws Exception {
        String category = "YOUTH_TRAUMA_INFORMED";
        String before = page("/reports/continuing-education", users.as(Role.COORDINATOR));
        long hours = before.contains(category) ? cellNumber(before, "hours-table", category, 1) : 0;
        long records = before.contains(category) ? cellNumber(before, "hours-table", category, 3) : 0;
        long officers = before.contains(category) ? cellNumber(before, "hours-table", category, 4) : 0;
        Officer a = Officers.certified(people, events, tx, "Cat", "One", users.staff(Role.SUPERVISOR), LocalDate.now().minusMonths(6));
        Officer b = Officers.certified(people, events, tx, "Cat", "Two", users.staff(Role.SUPERVISOR), LocalDate.now().minusMonths(6));
        TestUsers.asSystem(() -> {
            education.record(a.getId(), new CeEntry(category, "Trauma-informed youth work", null, new BigDecimal("2"), LocalDate.now().minusDays(5)));
            education.record(b.getId(), new CeEntry(category, "Trauma-informed youth work", null, new BigDecimal("2"), LocalDate.now().minusDays(5)));
            education.record(b.getId(), new CeEntry(category, "Old course", null, new BigDecimal("9"), LocalDate.now().minusYears(2)));
        });

        String html = page("/reports/continuing-education", users.as(Role.COORDINATOR));

        assertThat(cellNumber(html, "hours-table", category, 1)).isEqualTo(hours + 4); // approved hours of the last year only
        assertThat(cellNumber(html, "hours-table", category, 3)).isEqualTo(records + 2);
        assertThat(cellNumber(html, "hours-table", category, 4)).isEqualTo(officers + 2);
        assertThat(row(html, "hours-table", category)).contains("data-value=\"" + (hours + 4) + ".0\""); // what the chart draws
    }

    @Test
    void theReportsAreLinkedFromTheNavigationForTheirRolesOnly() throws Exception {
        assertThat(page("/", users.as(Role.HR))).contains("href=\"/reports\"");
        assertThat(page("/", users.as(Role.CSO))).doesNotContain("href=\"/reports\"");
        assertThat(page("/reports", users.as(Role.HR))).contains("/reports/hiring").doesNotContain("/reports/academy");
        assertThat(page("/reports", users.as(Role.COORDINATOR)))
                .contains("/reports/academy", "/reports/certification", "/reports/continuing-education")
                .doesNotContain("/reports/hiring");
        assertThat(page("/reports", users.as(Role.SUPERVISOR))).contains("/reports/certification")
                .doesNotContain("/reports/academy");
        mvc.perform(get("/reports/academy").with(users.as(Role.SUPERVISOR))).andExpect(status().isForbidden());
    }

    @Test
    void theDashboardsRunTheSameStatementsWhateverTheData() throws Exception {
        String coordinator = users.staff(Role.COORDINATOR);
        Officers.expiringIn(people, events, tx, "Few", "Only", users.staff(Role.SUPERVISOR), 29); // a list to show
        int academyFew = statementsFor("/reports/academy", coordinator);
        int certificationFew = statementsFor("/reports/certification", coordinator);
        int ceFew = statementsFor("/reports/continuing-education", coordinator);
        for (int i = 0; i < 5; i++) {
            Officer o = Officers.expiringIn(people, events, tx, "Many", "More" + i, users.staff(Role.SUPERVISOR), 30 + i);
            TestUsers.asSystem(() -> education.record(o.getId(), new CeEntry("ELECTIVE", "Course", null, BigDecimal.ONE,
                    LocalDate.now().minusDays(1))));
        }
        assertThat(statementsFor("/reports/academy", coordinator)).isEqualTo(academyFew);
        assertThat(statementsFor("/reports/certification", coordinator)).isEqualTo(certificationFew);
        assertThat(statementsFor("/reports/continuing-education", coordinator)).isEqualTo(ceFew);
        assertThat(certificationFew).isLessThanOrEqualTo(20);
    }

    @Test
    void theDateRangeReportQueriesAreServedByIndexes() {
        assertThat(planOf("select category, sum(hours) from cso.ce_record where completed_on >= date '2026-01-01' group by category"))
                .doesNotContain("Seq Scan");
        assertThat(planOf("select officer_id from cso.certification where status in ('ACTIVE', 'EXPIRING') "
                + "and period_end >= date '2026-01-01' and period_end <= date '2026-04-01' order by period_end, id limit 50"))
                .doesNotContain("Seq Scan");
    }

    private String planOf(String sql) {
        return tx.execute(s -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain " + sql, String.class));
        });
    }

    private int statementsFor(String path, String user) throws Exception {
        page(path, users.as(user)); // warm caches
        StatementCounter.reset();
        page(path, users.as(user));
        return StatementCounter.count();
    }

    private String page(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The table row whose header cell contains {@code label}. */
    private static String row(String html, String tableId, String label) {
        int table = html.indexOf("id=\"" + tableId + "\"");
        assertThat(table).as("table " + tableId).isGreaterThan(0);
        String body = html.substring(table, html.indexOf("</table>", table));
        Matcher rows = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (rows.find()) {
            String row = rows.group(1);
            Matcher header = Pattern.compile("<th scope=\"row\"[^>]*>(.*?)</th>", Pattern.DOTALL).matcher(row);
            if (header.find() && header.group(1).contains(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + tableId);
    }

    /** The number in the {@code index}-th data cell (1 = first after the row header) of a row. */
    private static long cellNumber(String html, String tableId, String label, int index) {
        Matcher cells = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row(html, tableId, label));
        for (int i = 0; i < index; i++) {
            assertThat(cells.find()).isTrue();
        }
        return Long.parseLong(cells.group(1).strip());
    }
}
