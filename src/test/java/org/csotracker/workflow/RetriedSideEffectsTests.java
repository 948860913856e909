package org.csotracker.workflow;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.academy.Academy;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.certification.Certifications;
import org.csotracker.hiring.Applicants;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The engine runs service tasks at least once: a job whose delegate fails is run again. The
 * delegates that create a login and issue a certificate (PDF, mail, notification) are made to fail
 * once right after their side effect, and the job is run again as the job executor would: the side
 * effect exists exactly once. {@link Fault#IN_THE_JOB} fails inside the job's transaction (what a
 * crash or a database error does); {@link Fault#AFTER_COMMIT} lets the side effect commit first
 * (the worst case: the effect is kept, the job is not marked done).
 */
@CsoTrackerTest
@Import(RetriedSideEffectsTests.Faults.class)
@TestPropertySource(properties = "camunda.bpm.process-engine-name=faults")
class RetriedSideEffectsTests {

    enum Fault { IN_THE_JOB, AFTER_COMMIT }

    /** Delegate bean name → the fault its next run suffers (once). */
    static final Map<String, Fault> ARMED = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;
    @Autowired
    Academy academy;
    @Autowired
    Certifications certifications;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aHireRetriedAfterItsSideEffectCreatesOneOfficerAndOneLogin(Fault fault) throws Exception {
        long candidate = candidateAwaitingHire("Retried" + fault.ordinal(), "Hire" + fault.name().charAt(0), null);
        Job job = hireJob(candidate);

        ARMED.put("hireCandidate", fault);
        assertThatThrownBy(() -> TestUsers.asSystem(() -> management.executeJob(job.getId())))
                .hasStackTraceContaining("injected fault after hireCandidate");
        assertThat(ARMED).as("the fault fired").isEmpty();
        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("the engine counts the failure and will retry").isEqualTo(job.getRetries() - 1);
        assertThat(failed.getExceptionMessage()).contains("injected fault");
        runUntilDone(job.getId());

        Long officer = jdbc.queryForObject("select officer_id from cso.candidate where id = ?", Long.class, candidate);
        assertThat(officer).isNotNull();
        assertThat(count("select count(*) from cso.officer where candidate_id = ?", candidate)).isEqualTo(1);
        assertThat(count("select count(*) from cso.user_account where officer_id = ?", officer)).as("logins").isEqualTo(1);
        assertThat(count("select count(*) from cso.audit_event where subject_type = 'Candidate' and subject_id = ? and action = 'HIRED'",
                String.valueOf(candidate))).isEqualTo(1);
        assertThat(count("select count(*) from cso.audit_event where action = 'OFFICER_HIRED' and subject_id = ?",
                String.valueOf(officer))).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(candidate))
                .processDefinitionKey("HiringProcess").count()).as("the hiring process has ended").isZero();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aCertificateRetriedAfterItsSideEffectIsIssuedMailedAndAnnouncedOnce(Fault fault) throws Exception {
        Cohort cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().minusWeeks(8).plusDays(1), 10);
        long candidate = candidateAwaitingHire("Certified" + fault.ordinal(), "Retry" + fault.name().charAt(0), cohort.getId());
        runUntilDone(hireJob(candidate).getId());
        long officer = jdbc.queryForObject("select officer_id from cso.candidate where id = ?", Long.class, candidate);
        for (String module : new String[] {"DE-ESCALATION", "CULTURAL-COMPETENCY"}) {
            mvc.perform(post("/api/recruits/{id}/modules/{m}/results", officer, module).with(users.as(Role.COORDINATOR))
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                            {"score":91,"hoursAttended":32,"assessedOn":"%s","instructor":"Ofc. Rivera","practicalPassed":true}"""
                            .formatted(LocalDate.now()))).andExpect(status().isCreated());
        }
        runUntilDone(job(academy.currentEnrollment(officer).orElseThrow().getProcessInstanceId(), "Event_CohortEnded").getId());
        Job issue = job(certifications.ofOfficer(officer).orElseThrow().getProcessInstanceId(), "Task_IssueCertificate");

        ARMED.put("issueCertificate", fault);
        assertThatThrownBy(() -> TestUsers.asSystem(() -> management.executeJob(issue.getId())))
                .hasStackTraceContaining("injected fault after issueCertificate");
        assertThat(ARMED).as("the fault fired").isEmpty();
        assertThat(management.createJobQuery().jobId(issue.getId()).singleResult().getRetries()).isEqualTo(issue.getRetries() - 1);
        runUntilDone(issue.getId());

        assertThat(count("select count(*) from cso.certificate where officer_id = ?", officer)).as("certificates").isEqualTo(1);
        assertThat(count("select count(*) from cso.certificate_file f join cso.certificate c on c.id = f.certificate_id "
                + "where c.officer_id = ?", officer)).as("PDF files").isEqualTo(1);
        String email = jdbc.queryForObject("select email from cso.officer where id = ?", String.class, officer);
        assertThat(count("select count(*) from cso.outgoing_mail where recipient = ? and dedupe_key like 'certificate:%'", email))
                .as("certificate mails").isEqualTo(1);
        String login = jdbc.queryForObject("select username from cso.user_account where officer_id = ?", String.class, officer);
        assertThat(count("select count(*) from cso.notification where recipient = ? and title like 'Your certificate%'", login))
                .as("notifications").isEqualTo(1);
        assertThat(count("select count(*) from cso.audit_event where action = 'CERTIFICATE_ISSUED' and subject_id = "
                + "(select id::text from cso.certification where officer_id = ?)", officer)).isEqualTo(1);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Runs a job until it is gone, as the job executor does (failures retried while retries remain). */
    private void runUntilDone(String jobId) {
        for (int attempt = 0; attempt < 3 && management.createJobQuery().jobId(jobId).count() > 0; attempt++) {
            try {
                TestUsers.asSystem(() -> management.executeJob(jobId));
            } catch (RuntimeException e) {
                // counted by the engine; the next attempt follows
            }
        }
        assertThat(management.createJobQuery().jobId(jobId).count()).as("job %s done", jobId).isZero();
    }

    private Job hireJob(long candidate) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("HiringProcess")
                .processInstanceBusinessKey(String.valueOf(candidate)).singleResult().getId();
        return job(instance, "Task_HireCandidate");
    }

    private Job job(String processInstanceId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        return job;
    }

    private long candidateAwaitingHire(String first, String last, Long cohortId) throws Exception {
        RequestPostProcessor hr = users.as(Role.HR);
        long id = json.readTree(mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
                .content(Applicants.json(Applicants.strong(first, last)))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        String offer = """
                {"startDate":"%s",%s"district":"North","supervisor":"%s","shiftPattern":"MON_FRI_DAY",
                 "programComponent":"COMMUNITY_ENGAGEMENT"}""".formatted(LocalDate.now(),
                cohortId == null ? "" : "\"cohortId\":" + cohortId + ",", users.staff(Role.SUPERVISOR));
        for (String[] step : new String[][] {{"screening", "{\"passed\":true}"}, {"background-check", "{\"clear\":true}"},
                {"interview", "{\"panelScore\":88,\"recommendation\":\"RECOMMEND\"}"}, {"union-vetting", "{\"approved\":true}"},
                {"offer", offer}, {"offer-response", "{\"accepted\":true}"}}) {
            mvc.perform(post("/api/candidates/{id}/" + step[0], id).with(hr).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(step[1])).andExpect(status().isOk());
        }
        mvc.perform(get("/api/candidates/{id}", id).with(hr)).andExpect(status().isOk());
        return id;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Wraps the delegates so an armed fault fires once, right after the real delegate has done its work. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Faults {

        @Bean
        static BeanPostProcessor failingOnceAfterTheSideEffect(ObjectProvider<PlatformTransactionManager> transactions) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof JavaDelegate delegate && (name.equals("hireCandidate") || name.equals("issueCertificate"))) {
                        return (JavaDelegate) execution -> {
                            Fault fault = ARMED.remove(name);
                            if (fault == Fault.AFTER_COMMIT) {
                                TransactionTemplate separate = new TransactionTemplate(transactions.getObject());
                                separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                                separate.executeWithoutResult(status -> {
                                    try {
                                        delegate.execute(execution);
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                            } else {
                                delegate.execute(execution);
                            }
                            if (fault != null) {
                                throw new IllegalStateException("injected fault after " + name + "'s side effect");
                            }
                        };
                    }
                    return bean;
                }
            };
        }
    }
}
