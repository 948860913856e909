package org.csotracker.certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.csotracker.mail.Mailer;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/** Every path through {@code processes/certification.bpmn}; reminders arrive in a real SMTP server (GreenMail). */
@CsoTrackerTest
class CertificationProcessTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ProcessEngine engine;
    @Autowired
    Certifications certifications;
    @Autowired
    ContinuingEducation education;
    @Autowired
    People people;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Mailer mailer;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    String supervisor;

    @BeforeEach
    void setUp() {
        init(engine);
        supervisor = users.staff(Role.SUPERVISOR);
    }

    @Test
    void completingTheAcademyCertifiesAndIssuesOneCertificate() {
        Officer officer = graduate("Nia", "Certified", LocalDate.now());
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        assertThat(c.getStatus()).isEqualTo(CertificationStatus.ACTIVE);
        assertThat(c.getPeriodEnd()).isEqualTo(LocalDate.now().plusMonths(24));
        assertThat(c.getGraceUntil()).isEqualTo(c.getPeriodEnd().plusDays(30));
        assertThat(people.officer(officer.getId()).getStatus()).isEqualTo(OfficerStatus.CERTIFIED);
        ProcessInstance process = process(c);
        assertThat(process).isWaitingAt("Task_IssueCertificate");

        execute(managementService().createJobQuery().processInstanceId(process.getId()).activityId("Task_IssueCertificate")
                .singleResult());

        assertThat(certifications.certificates(officer.getId())).singleElement().satisfies(cert -> {
            assertThat(cert.getNumber()).matches("CSO-\\d{4}-\\d{6}-\\d");
            assertThat(cert.getSha256()).hasSize(64);
            assertThat(CertificateFiles.sha256(certifications.file(cert))).isEqualTo(cert.getSha256());
        });
        assertThat(process).isWaitingAt("Event_ReminderDue", "Event_PeriodEnds");
        assertThat(timers(process)).hasSize(5);
    }

    @Test
    void remindersGoOutAtEachOffsetAndTheSupervisorHearsNearTheEnd() throws Exception {
        Officer officer = graduate("Omar", "Reminded", LocalDate.now());
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        ProcessInstance process = issued(c);
        List<Job> reminders = timers(process).stream().filter(j -> !j.getDuedate().toInstant()
                .isAfter(reminderDue(c, 7))).sorted(Comparator.comparing(Job::getDuedate)).toList();
        assertThat(reminders).hasSize(4);

        for (Job reminder : reminders) {
            execute(reminder);
        }
        mailer.sendPending();

        assertThat(certifications.ofOfficer(officer.getId()).orElseThrow().getStatus()).isEqualTo(CertificationStatus.EXPIRING);
        List<String> toOfficer = subjectsTo(officer.getEmail());
        assertThat(toOfficer).contains("Your CSO certification expires in 90 days", "Your CSO certification expires in 60 days",
                "Your CSO certification expires in 30 days", "Your CSO certification expires in 7 days");
        assertThat(subjectsTo(supervisor + "@example.org")).containsExactlyInAnyOrder(
                officer.getFullName() + "'s certification expires in 30 days",
                officer.getFullName() + "'s certification expires in 7 days");
        assertThat(process).isWaitingAt("Event_PeriodEnds");

        // a retried reminder job does not mail twice
        TestUsers.asSystem(() -> certifications.sendReminder(c.getId(), 7, true));
        mailer.sendPending();
        assertThat(subjectsTo(officer.getEmail())).filteredOn(s -> s.contains("7 days")).hasSize(1);
    }

    @Test
    void enoughContinuingEducationRenewsWithASecondCertificate() {
        Officer officer = graduate("Pia", "Renews", LocalDate.now().minusYears(2));
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        ProcessInstance process = issued(c);
        completeAllHours(officer, LocalDate.now().minusMonths(6));

        runReminders(process, c);
        execute(periodEnd(process));

        assertThat(process).hasPassed("Task_CheckContinuingEducation", "Task_RenewCertification")
                .isWaitingAt("Task_IssueCertificate");
        execute(managementService().createJobQuery().processInstanceId(process.getId()).activityId("Task_IssueCertificate")
                .singleResult());
        Certification renewed = certifications.ofOfficer(officer.getId()).orElseThrow();
        assertThat(renewed.getStatus()).isEqualTo(CertificationStatus.ACTIVE);
        assertThat(renewed.getPeriodNumber()).isEqualTo(2);
        assertThat(renewed.getPeriodStart()).isEqualTo(c.getPeriodEnd());
        assertThat(certifications.certificates(officer.getId())).hasSize(2)
                .extracting(Certificate::getKind).contains(org.csotracker.documents.CertificateContent.Kind.RENEWAL);
        assertThat(process).isWaitingAt("Event_ReminderDue", "Event_PeriodEnds");
    }

    @Test
    void withoutContinuingEducationItLapsesWhenTheGracePeriodEnds() {
        Officer officer = graduate("Quinn", "Lapses", LocalDate.now().minusYears(2));
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        ProcessInstance process = issued(c);
        runReminders(process, c);
        execute(periodEnd(process));

        assertThat(process).isWaitingAt("Gateway_GracePeriod");
        assertThat(certifications.ofOfficer(officer.getId()).orElseThrow().getStatus()).isEqualTo(CertificationStatus.EXPIRING);
        execute(managementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult());

        assertThat(process).isEnded().hasPassed("Event_GraceEnds", "Task_LapseCertification", "EndEvent_CertificationLapsed");
        assertThat(certifications.ofOfficer(officer.getId()).orElseThrow().getStatus()).isEqualTo(CertificationStatus.LAPSED);
        assertThat(certifications.history(c.getId())).extracting(StatusChange::getStatus)
                .containsExactly(CertificationStatus.ACTIVE, CertificationStatus.EXPIRING, CertificationStatus.LAPSED);
        assertThat(jdbc.queryForObject("select count(*) from cso.notification where recipient = ? and title like ?",
                Long.class, supervisor, "%" + officer.getLastName() + "%lapsed%")).isEqualTo(1);
    }

    @Test
    void hoursCompletedDuringTheGracePeriodRenewAtOnce() {
        Officer officer = graduate("Rae", "Catches", LocalDate.now().minusYears(2).minusDays(10));
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        ProcessInstance process = issued(c);
        runReminders(process, c);
        execute(periodEnd(process));
        assertThat(process).isWaitingAt("Gateway_GracePeriod");

        completeAllHours(officer, LocalDate.now());

        assertThat(process).hasPassed("Event_CompletedInGrace", "Task_RenewCertification").isWaitingAt("Task_IssueCertificate");
        assertThat(certifications.ofOfficer(officer.getId()).orElseThrow().getStatus()).isEqualTo(CertificationStatus.ACTIVE);
    }

    @Test
    void revocationEndsTheProcessAtOnce() {
        Officer officer = graduate("Sol", "Revoked", LocalDate.now());
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        ProcessInstance process = issued(c);

        TestUsers.asSystem(() -> certifications.revoke(c.getId(), "Misconduct finding, case 2026-114"));

        assertThat(process).isEnded().hasPassed("StartEvent_CertificationRevoked", "EndEvent_CertificationRevoked");
        Certification revoked = certifications.ofOfficer(officer.getId()).orElseThrow();
        assertThat(revoked.getStatus()).isEqualTo(CertificationStatus.REVOKED);
        assertThat(revoked.getRevokedReason()).contains("Misconduct");
    }

    @Test
    void concurrentAndRepeatedIssuingYieldsOneCertificate() throws Exception {
        Officer officer = graduate("Tam", "Once", LocalDate.now());
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> TestUsers.asSystemGet(() -> certifications.issueCertificate(c.getId()).getNumber()));
            }
            List<String> numbers = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            assertThat(numbers).containsOnly(numbers.get(0));
        } finally {
            pool.shutdown();
        }
        execute(managementService().createJobQuery().processInstanceId(c.getProcessInstanceId()).activityId("Task_IssueCertificate")
                .singleResult());
        assertThat(certifications.certificates(officer.getId())).hasSize(1);
        assertThat(jdbc.update("insert into cso.certificate (number, certification_id, officer_id, kind, holder_name, "
                        + "period_start, period_end, issued_at, sha256, size_bytes) select 'DUP-' || number, certification_id, "
                        + "officer_id, kind, holder_name, period_start, period_end, issued_at, sha256, size_bytes "
                        + "from cso.certificate where officer_id = ? on conflict do nothing", officer.getId()))
                .as("the database itself refuses a second certificate for the same period").isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Officer graduate(String first, String last, LocalDate completedOn) {
        return Graduates.graduate(people, events, tx, first, last, supervisor, completedOn);
    }

    private ProcessInstance process(Certification c) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(CertificationProcess.KEY)
                .processInstanceBusinessKey(c.getId().toString()).singleResult();
    }

    private ProcessInstance issued(Certification c) {
        ProcessInstance process = process(c);
        execute(managementService().createJobQuery().processInstanceId(process.getId()).activityId("Task_IssueCertificate")
                .singleResult());
        return process;
    }

    private List<Job> timers(ProcessInstance process) {
        return managementService().createJobQuery().processInstanceId(process.getId()).timers().list();
    }

    private java.time.Instant reminderDue(Certification c, int daysBefore) {
        return c.getPeriodEnd().minusDays(daysBefore).atTime(8, 0).atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private void runReminders(ProcessInstance process, Certification c) {
        for (Job job : timers(process)) {
            if (job.getDuedate().toInstant().isBefore(reminderDue(c, 0))) {
                execute(job);
            }
        }
    }

    private Job periodEnd(ProcessInstance process) {
        return managementService().createJobQuery().processInstanceId(process.getId()).activityId("Event_PeriodEnds").singleResult();
    }

    private void completeAllHours(Officer officer, LocalDate on) {
        for (CertificationRules.Requirement r : education.progress(officer,
                certifications.ofOfficer(officer.getId()).orElseThrow()).lines().stream()
                .map(l -> new CertificationRules.Requirement(l.category(), l.title(), l.required())).toList()) {
            TestUsers.asSystem(() -> education.record(officer.getId(), new CeEntry(r.category(), r.title() + " session",
                    "Seattle Police Training Center", BigDecimal.valueOf(r.hours()), on)));
        }
    }

    private List<String> subjectsTo(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                subjects.add(m.getSubject());
            }
        }
        return subjects;
    }
}
