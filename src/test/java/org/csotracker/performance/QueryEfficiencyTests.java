package org.csotracker.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.csotracker.certification.CeEntry;
import org.csotracker.certification.Certifications;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hot pages run a fixed number of statements however much data there is (no N+1), and the
 * queries behind them are served by indexes. Speed itself is measured by the benchmark suite.
 */
@CsoTrackerTest
class QueryEfficiencyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Hiring hiring;
    @Autowired
    People people;
    @Autowired
    Certifications certifications;
    @Autowired
    ContinuingEducation education;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theBoardRunsTheSameStatementsForTenOrFortyCandidates() throws Exception {
        addCandidates(10);
        int few = statementsFor("/hiring", users.staff(Role.HR));
        addCandidates(30);
        int many = statementsFor("/hiring", users.staff(Role.HR));
        assertThat(many).isEqualTo(few);
        assertThat(few).isLessThanOrEqualTo(30);
    }

    @Test
    void myCertificationRunsTheSameStatementsWhateverTheHistory() throws Exception {
        Officer officer = certifiedOfficer();
        String cso = users.ensure("efficiency-cso-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        int few = statementsFor("/api/me/certification", cso);
        for (int i = 0; i < 6; i++) {
            int n = i;
            TestUsers.asSystem(() -> education.record(officer.getId(), new CeEntry("ELECTIVE", "Workshop " + n, null,
                    java.math.BigDecimal.valueOf(2), LocalDate.now().minusDays(n))));
        }
        int many = statementsFor("/api/me/certification", cso);
        assertThat(many).isEqualTo(few);
        assertThat(few).isLessThanOrEqualTo(40);
    }

    @Test
    void theQueriesBehindTheHotPagesAreServedByIndexes() {
        Map<String, String> queries = Map.of(
                "board column", "select * from cso.candidate where stage = 'SCREENING' order by stage_entered_at limit 12",
                "board search", "select * from cso.candidate where lower(last_name) like 'oka%' order by applied_at desc limit 50",
                "officer results", "select * from cso.module_result where officer_id = 42",
                "officer CE", "select * from cso.ce_record where officer_id = 42 order by completed_on desc",
                "officer certificates", "select * from cso.certificate where officer_id = 42 order by issued_at desc",
                "officer certification", "select * from cso.certification where officer_id = 42",
                "officer enrollments", "select * from cso.recruit where officer_id = 42 order by enrolled_at",
                "verification", "select * from cso.certificate where number = 'CSO-2026-000001-7'",
                "supervisor's unit", "select * from cso.officer where supervisor = 'sup' order by last_name, first_name",
                "audit trail of a record", "select * from cso.audit_event where subject_type = 'Candidate' and subject_id = '7' order by occurred_at");
        queries.forEach((name, sql) -> assertThat(planOf(sql)).as(name + ": " + sql).doesNotContain("Seq Scan"));
    }

    private String planOf(String sql) {
        return tx.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain " + sql, String.class));
        });
    }

    private int statementsFor(String path, String user) throws Exception {
        mvc.perform(get(path).with(users.as(user))).andExpect(status().isOk()); // warm caches
        StatementCounter.reset();
        mvc.perform(get(path).with(users.as(user))).andExpect(status().isOk());
        return StatementCounter.count();
    }

    private void addCandidates(int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            TestUsers.asSystem(() -> {
                var c = hiring.apply(Applicants.strong("Efficient" + n, "Board"), ApplicationSource.HR);
                if (n % 2 == 0) {
                    hiring.screen(c.getId(), new Steps.Screening(true, null, null));
                }
            });
        }
    }

    private Officer certifiedOfficer() {
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new org.csotracker.people.NewOfficer("Eff", "Icient",
                "eff" + System.nanoTime() + "@example.org", null, "East", org.csotracker.people.ProgramComponent.SYSTEM_NAVIGATOR,
                org.csotracker.people.ShiftPattern.MON_FRI_DAY, users.staff(Role.SUPERVISOR), LocalDate.now(), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new org.csotracker.academy.AcademyCompleted(
                officer.getId(), null, "Cohort", LocalDate.now().minusDays(1), List.of()))));
        return officer;
    }
}
