package org.csotracker.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What must hold after a {@link Workload}, however often the app died or however many nodes ran
 * it: every confirmed call is in the records, every candidate is in exactly one state that matches
 * its process instances, nothing exists twice, and the engine has no incident and no work left.
 */
final class Consistency {

    private static final Map<String, String> HIRING_END = Map.of("HIRED", "EndEvent_CandidateHired",
            "REJECTED", "EndEvent_RejectedAtInterview", "OFFER_DECLINED", "EndEvent_OfferDeclined");
    private static final Map<String, String> STEP_ACTION = Map.of("application", "APPLICATION_RECEIVED",
            "screening", "SCREENING_PASSED", "background-check", "BACKGROUND_CHECK_CLEAR",
            "union-vetting", "UNION_APPROVED", "offer", "OFFER_EXTENDED");

    private final Workload work;
    private final String jdbc;

    Consistency(Workload work, String jdbc) {
        this.work = work;
        this.jdbc = jdbc;
    }

    /** Waits until the job executors have done everything that is due and every hire holds a certificate. */
    void awaitSettled(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long executable = -1;
        long certificates = -1;
        while (System.nanoTime() < deadline) {
            executable = work.read("/engine-rest/job/count?executable=true", "admin").get("count").asLong();
            certificates = count("select count(*) from cso.certificate");
            if (executable == 0 && certificates == work.officers.size()) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("not settled after %s: %d executable jobs, %d certificates for %d hires", timeout, executable, certificates,
                work.officers.size());
    }

    void assertAll() throws Exception {
        assertThat(work.unexpected).as("calls with an unexpected answer").isEmpty();
        assertNoIncidentsOrStuckJobs();
        assertNoDuplicates();
        Map<String, JsonNode> instances = new HashMap<>();
        for (JsonNode instance : work.read("/engine-rest/history/process-instance?maxResults=100000", "admin")) {
            instances.put(instance.get("id").asText(), instance);
        }
        Map<String, Set<String>> endEvents = new HashMap<>();
        for (JsonNode end : work.read("/engine-rest/history/activity-instance?activityType=noneEndEvent&maxResults=1000000", "admin")) {
            endEvents.computeIfAbsent(end.get("processInstanceId").asText(), k -> new HashSet<>()).add(end.get("activityId").asText());
        }
        for (Map.Entry<Long, Workload.Path> entry : work.candidates.entrySet()) {
            assertCandidate(entry.getKey(), entry.getValue(), instances, endEvents);
        }
        assertConfirmedCallsReflected();
    }

    private void assertCandidate(long id, Workload.Path path, Map<String, JsonNode> instances,
                                 Map<String, Set<String>> endEvents) throws Exception {
        List<String[]> rows = rows("select stage, process_instance_id, officer_id from cso.candidate where id = ?", id);
        assertThat(rows).as("candidate %d", id).hasSize(1);
        String stage = rows.get(0)[0];
        assertThat(stage).as("candidate %d on path %s", id, path).isEqualTo(path.finalStage);
        List<String> hiringInstances = instancesOf("HiringProcess", String.valueOf(id), instances);
        assertThat(hiringInstances).as("hiring processes of candidate %d", id).containsExactly(rows.get(0)[1]);
        assertThat(instances.get(rows.get(0)[1]).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(endEvents.get(rows.get(0)[1])).as("end of candidate %d", id).contains(HIRING_END.get(stage));
        if (path != Workload.Path.HIRE) {
            assertThat(rows.get(0)[2]).as("officer of a candidate who was not hired").isNull();
            return;
        }
        long officer = Long.parseLong(rows.get(0)[2]);
        assertThat(work.officers.get(id)).isEqualTo(officer);
        assertThat(count("select count(*) from cso.officer where candidate_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from cso.user_account where officer_id = ?", officer)).isEqualTo(1);
        assertThat(rows("select status from cso.officer where id = ?", officer).get(0)[0]).isEqualTo("CERTIFIED");

        List<String[]> recruits = rows("select status, process_instance_id, id from cso.recruit where officer_id = ?", officer);
        assertThat(recruits).as("enrollments of officer %d", officer).hasSize(1);
        assertThat(recruits.get(0)[0]).isEqualTo("COMPLETED");
        assertThat(instances.get(recruits.get(0)[1]).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(endEvents.get(recruits.get(0)[1])).contains("EndEvent_AcademyCompleted");
        assertThat(instancesOf("AcademyProcess", recruits.get(0)[2], instances)).as("academy processes of officer %d", officer)
                .containsExactly(recruits.get(0)[1]);
        assertThat(rows("select module_code || ':' || attempt from cso.module_result where officer_id = ? order by 1", officer)
                .stream().map(r -> r[0])).containsExactly("CULTURAL-COMPETENCY:1", "DE-ESCALATION:1");

        List<String[]> certifications = rows("select id, status, process_instance_id from cso.certification where officer_id = ?", officer);
        assertThat(certifications).as("certifications of officer %d", officer).hasSize(1);
        assertThat(certifications.get(0)[1]).isEqualTo("ACTIVE");
        assertThat(instancesOf("CertificationProcess", certifications.get(0)[0], instances))
                .containsExactly(certifications.get(0)[2]);
        assertThat(instances.get(certifications.get(0)[2]).get("state").asText()).as("the certification runs on").isEqualTo("ACTIVE");
        assertThat(count("select count(*) from cso.certificate where officer_id = ?", officer)).isEqualTo(1);
        assertThat(count("select count(*) from cso.outgoing_mail where dedupe_key like 'certificate:%' and recipient = "
                + "(select email from cso.officer where id = ?)", officer)).as("certificate mails").isEqualTo(1);
    }

    private static List<String> instancesOf(String key, String businessKey, Map<String, JsonNode> instances) {
        List<String> ids = new ArrayList<>();
        for (JsonNode instance : instances.values()) {
            if (instance.get("processDefinitionKey").asText().equals(key)
                    && (businessKey == null || businessKey.equals(instance.path("businessKey").asText(null)))) {
                ids.add(instance.get("id").asText());
            }
        }
        return ids;
    }

    private void assertConfirmedCallsReflected() throws Exception {
        for (Workload.Confirmed step : work.confirmedSteps) {
            String action = STEP_ACTION.get(step.step());
            if (action != null) {
                assertThat(count("select count(*) from cso.audit_event where subject_type = 'Candidate' and subject_id = ? and action = ?",
                        String.valueOf(step.subjectId()), action)).as("%s of candidate %d", step.step(), step.subjectId()).isEqualTo(1);
            }
        }
        for (Workload.Confirmed result : work.confirmedResults) {
            assertThat(count("select count(*) from cso.module_result where officer_id = ? and module_code = ?",
                    result.subjectId(), result.step())).isEqualTo(1);
        }
        assertThat(work.confirmedSteps.size()).as("confirmed calls").isGreaterThan(work.candidates.size());
    }

    private void assertNoIncidentsOrStuckJobs() throws Exception {
        assertThat(work.read("/engine-rest/incident", "admin")).as("incidents").isEmpty();
        assertThat(work.read("/engine-rest/job/count?noRetriesLeft=true", "admin").get("count").asLong()).isZero();
        assertThat(work.read("/engine-rest/job/count?executable=true", "admin").get("count").asLong()).isZero();
        assertThat(count("select count(*) from act_ru_job where lock_exp_time_ < now() and (duedate_ is null or duedate_ <= now())"))
                .as("jobs whose lock expired and were not taken again").isZero();
    }

    private void assertNoDuplicates() throws Exception {
        for (String sql : List.of(
                "select candidate_id from cso.officer where candidate_id is not null group by 1 having count(*) > 1",
                "select officer_id from cso.user_account where officer_id is not null group by 1 having count(*) > 1",
                "select officer_id, module_code, attempt from cso.module_result group by 1, 2, 3 having count(*) > 1",
                "select certification_id, period_start from cso.certificate group by 1, 2 having count(*) > 1",
                "select officer_id from cso.certification group by 1 having count(*) > 1",
                "select officer_id from cso.recruit group by 1 having count(*) > 1",
                "select email from cso.candidate group by 1 having count(*) > 1",
                "select business_key_ from act_ru_execution where parent_id_ is null and business_key_ is not null "
                        + "group by proc_def_id_, business_key_ having count(*) > 1",
                "select subject_id, action from cso.audit_event where subject_type = 'Candidate' group by 1, 2 having count(*) > 1")) {
            assertThat(rows(sql)).as(sql).isEmpty();
        }
    }

    long count(String sql, Object... parameters) throws Exception {
        return Long.parseLong(rows(sql, parameters).get(0)[0]);
    }

    List<String[]> rows(String sql, Object... parameters) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getString(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
