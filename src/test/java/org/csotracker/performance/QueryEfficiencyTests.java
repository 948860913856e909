package org.csotracker.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.csotracker.certification.CeEntry;
import org.csotracker.certification.Certifications;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.academy.Recruits;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
    org.csotracker.academy.Academy academy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Test
    void theBoardRunsTheSameStatementsForTenOrFortyCandidates() throws Exception {
        String hr = users.staff(Role.HR);
        statementsFor("/hiring", hr); // warm what does not depend on the candidates
        addCandidates(10); // a change: the board is computed again
        int few = countStatements("/hiring", hr);
        addCandidates(30);
        int many = countStatements("/hiring", hr);
        assertThat(many).isEqualTo(few);
        assertThat(few).isLessThanOrEqualTo(30);
    }

    @Test
    void theBoardIsComputedOnceForManyViewersAndAgainAfterAnyChange() throws Exception {
        String hr = users.staff(Role.HR);
        addCandidates(1);
        int computed = countStatements("/hiring", hr);
        int cached = countStatements("/hiring", hr);
        assertThat(cached).as("a second viewer's board").isLessThan(computed);
        String unique = "Onboard" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        mvc.perform(get("/hiring").param("q", unique).with(users.as(hr))).andExpect(status().isOk()); // cached, no card
        var candidate = TestUsers.asSystemGet(() -> hiring.apply(Applicants.strong("Fresh", unique), ApplicationSource.HR));
        mvc.perform(get("/hiring").param("q", unique).with(users.as(hr)))
                .andExpect(content().string(containsString("/hiring/candidates/" + candidate.getId())));
        TestUsers.asSystem(() -> hiring.screen(candidate.getId(), new Steps.Screening(false, org.csotracker.hiring.RejectionReason.MINIMUM_QUALIFICATIONS_NOT_MET, "no")));
        assertThat(countStatements("/hiring", hr)).as("after a change").isGreaterThan(cached);
    }

    private int countStatements(String path, String user) throws Exception {
        StatementCounter.reset();
        mvc.perform(get(path).with(users.as(user))).andExpect(status().isOk());
        return StatementCounter.count();
    }

    @Test
    void myCertificationRunsTheSameStatementsWhateverTheHistory() throws Exception {
        Officer officer = certifiedOfficer();
        String cso = users.ensure("efficiency-cso-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        statementsFor("/api/me/certification", cso); // warm the caches that do not depend on the officer
        int few = uncachedStatementsFor("/api/me/certification", cso, officer.getId());
        for (int i = 0; i < 6; i++) {
            int n = i;
            TestUsers.asSystem(() -> education.record(officer.getId(), new CeEntry("ELECTIVE", "Workshop " + n, null,
                    java.math.BigDecimal.valueOf(2), LocalDate.now().minusDays(n))));
        }
        int many = uncachedStatementsFor("/api/me/certification", cso, officer.getId());
        assertThat(many).isEqualTo(few);
        assertThat(few).isLessThanOrEqualTo(40);
    }

    @Test
    void aRepeatedReadOfMyCertificationCostsOneStatementAndAnyChangeShowsAtOnce() throws Exception {
        Officer officer = certifiedOfficer();
        var certification = certifications.ofOfficer(officer.getId()).orElseThrow();
        TestUsers.asSystem(() -> management.executeJob(management.createJobQuery()
                .processInstanceId(certification.getProcessInstanceId()).activityId("Task_IssueCertificate").singleResult().getId()));
        String cso = users.ensure("cached-cso-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        statementsFor("/api/me/certification", cso);
        // MockMvc's signed-in user is loaded per request (a real session keeps it): leave those out
        assertThat(StatementCounter.statements()).filteredOn(sql -> !sql.contains("cso.user_account") && !sql.contains("cso.user_role"))
                .containsExactly("select revision from cso.officer_revision where officer_id = ?");

        TestUsers.asSystem(() -> education.record(officer.getId(), new CeEntry("ELECTIVE", "Cache workshop", null,
                java.math.BigDecimal.valueOf(3), LocalDate.now())));
        mvc.perform(get("/api/me/certification").with(users.as(cso)))
                .andExpect(jsonPath("$.continuingEducation[*].title", hasItem("Cache workshop")));
        // a change made outside the app's code (an SQL script, another node) shows as well
        jdbc.update("update cso.officer set district = 'Harbor' where id = ?", officer.getId());
        mvc.perform(get("/api/me/certification").with(users.as(cso))).andExpect(jsonPath("$.district").value("Harbor"));
        jdbc.update("update cso.certification set status = 'REVOKED' where officer_id = ?", officer.getId());
        mvc.perform(get("/api/me/certification").with(users.as(cso)))
                .andExpect(jsonPath("$.certificationStatus").value("REVOKED"))
                .andExpect(jsonPath("$.certificates[0].status").value("REVOKED"));
        String number = jdbc.queryForObject("select number from cso.certificate where officer_id = ?", String.class, officer.getId());
        mvc.perform(get("/api/verify/" + number)).andExpect(jsonPath("$.status").value("REVOKED"));
        jdbc.update("update cso.certification set status = 'ACTIVE' where officer_id = ?", officer.getId());
        mvc.perform(get("/api/verify/" + number)).andExpect(jsonPath("$.status").value("VALID"));
    }

    @Test
    void aHiringStepRunsAFixedSmallNumberOfStatements() throws Exception {
        var candidate = TestUsers.asSystemGet(() -> hiring.apply(Applicants.strong("Step", "Counter"), ApplicationSource.HR));
        StatementCounter.reset();
        mvc.perform(post("/api/candidates/{id}/screening", candidate.getId()).with(users.as(users.staff(Role.HR))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"passed\":true}")).andExpect(status().isOk());
        int statements = StatementCounter.count();
        System.out.println("hiring step statements: " + statements + "\n" + String.join("\n", StatementCounter.statements()));
        assertThat(statements).isLessThanOrEqualTo(45);
    }

    @Test
    void bulkResultsCostTheSameStatementsPerRowHoweverLargeTheCohort() throws Exception {
        int two = bulkStatements(2);
        int six = bulkStatements(6);
        System.out.println("bulk statements: 2 rows " + two + ", 6 rows " + six);
        assertThat((six - two) / 4.0).as("statements per row").isLessThanOrEqualTo(30);
    }

    private int bulkStatements(int recruits) throws Exception {
        String coordinator = users.staff(Role.COORDINATOR);
        var cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(1), 20);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < recruits; i++) {
            var officer = Recruits.hire(people, "Bulk", "Counter" + i, users.staff(Role.SUPERVISOR));
            TestUsers.asSystem(() -> academy.enroll(cohort.getId(), officer.getId()));
            rows.append(i == 0 ? "" : ",").append("{\"officerId\":").append(officer.getId())
                    .append(",\"score\":90,\"hoursAttended\":32,\"assessedOn\":\"").append(LocalDate.now())
                    .append("\",\"instructor\":\"Ofc. Rivera\",\"practicalPassed\":true}");
        }
        StatementCounter.reset();
        mvc.perform(post("/api/cohorts/{id}/results", cohort.getId()).with(users.as(coordinator)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"moduleCode\":\"DE-ESCALATION\",\"rows\":[" + rows + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(recruits));
        if (recruits == 6) {
            System.out.println("bulk statements:\n" + String.join("\n", StatementCounter.statements()));
        }
        return StatementCounter.count();
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
        // on every new task: who of a role already has the notice
        assertThat(planOf("select recipient from cso.notification where dedupe_key = 'task:42'")).as("notice by key")
                .contains("notification_key_idx");
        // the engine's, on every task completion (EngineIndexes)
        assertThat(planOf("select * from act_ru_task where parent_task_id_ = 'task-1'")).as("subtasks of a task")
                .contains("csotracker_idx_task_parent");
        assertThat(planOf("select * from cso.certification order by cso.readiness_urgency(status), period_end, officer_id limit 100"))
                .as("readiness of everyone").contains("certification_readiness").doesNotContain("Sort");
    }

    private String planOf(String sql) {
        return tx.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain " + sql, String.class));
        });
    }

    /** Statements of a read that cannot come from the status cache (the officer's revision moved). */
    private int uncachedStatementsFor(String path, String user, long officerId) throws Exception {
        jdbc.update("update cso.officer_revision set revision = revision + 1 where officer_id = ?", officerId);
        StatementCounter.reset();
        mvc.perform(get(path).with(users.as(user))).andExpect(status().isOk());
        return StatementCounter.count();
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
