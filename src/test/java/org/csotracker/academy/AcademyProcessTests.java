package org.csotracker.academy;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.csotracker.academy.AcademyProcess.*;

/** Every path through {@code processes/academy.bpmn}, driven through the academy API. */
@CsoTrackerTest
@RecordApplicationEvents
class AcademyProcessTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Academy academy;
    @Autowired
    People people;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    String coordinator;
    String supervisor;

    @BeforeEach
    void setUp() {
        init(engine);
        coordinator = users.staff(Role.COORDINATOR);
        supervisor = users.staff(Role.SUPERVISOR);
    }

    @Test
    void allModulesPassedCompletesWhenTheCohortEnds() {
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(3), 10);
        Officer officer = enroll(cohort, "Ada", "Passes");
        ProcessInstance process = process(officer);
        assertThat(process).isWaitingAt(TASK_RECORD_RESULT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isEqualTo(2);
        assertThat(people.officer(officer.getId()).getStatus()).isEqualTo(OfficerStatus.IN_ACADEMY);

        record(officer, "DE-ESCALATION", 92);
        record(officer, "CULTURAL-COMPETENCY", 81);

        // every module passed, but the cohort's end date decides
        assertThat(process).isWaitingAt("Event_CohortEnded");
        assertThat(events.stream(AcademyCompleted.class)).isEmpty();
        Job timer = managementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate())
                .isEqualTo(cohort.getEndDate());

        execute(timer);

        assertThat(process).isEnded().hasPassed("Task_CompleteAcademy", "EndEvent_AcademyCompleted");
        assertThat(events.stream(AcademyCompleted.class)).singleElement().satisfies(done -> {
            assertThat(done.officerId()).isEqualTo(officer.getId());
            assertThat(done.modules()).extracting(AcademyCompleted.CompletedModule::code)
                    .containsExactlyInAnyOrder("DE-ESCALATION", "CULTURAL-COMPETENCY");
        });
        assertThat(academy.currentEnrollment(officer.getId()).orElseThrow().getStatus()).isEqualTo(RecruitStatus.COMPLETED);
    }

    @Test
    void failedModuleNeedsRemediationThenPassesOnRetake() {
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(1), 10);
        Officer officer = enroll(cohort, "Ben", "Retakes");
        ProcessInstance process = process(officer);

        ModuleResult first = record(officer, "DE-ESCALATION", 55);
        assertThat(first.isPassed()).isFalse();
        assertThat(first.getAttempt()).isEqualTo(1);
        assertThat(process).isWaitingAt(TASK_PLAN_REMEDIATION, TASK_RECORD_RESULT);

        assertThatThrownBy(() -> record(officer, "DE-ESCALATION", 90))
                .hasMessageContaining("plan the remediation");
        TestUsers.asSystem(() -> academy.planRemediation(officer.getId(), "DE-ESCALATION",
                new Requests.RemediationPlan("Two extra scenario sessions with Ofc. Rivera", LocalDate.now().plusDays(7))));
        assertThat(process).isWaitingAt(TASK_RECORD_RETAKE);

        ModuleResult retake = record(officer, "DE-ESCALATION", 86);
        assertThat(retake.getAttempt()).isEqualTo(2);
        assertThat(retake.isPassed()).isTrue();
        assertThat(process).hasPassed("EndEvent_PassedOnRetake");
        assertThat(academy.remediations(officer.getId())).singleElement()
                .satisfies(r -> assertThat(r.getPlan()).contains("scenario"));
    }

    @Test
    void secondFailureDismissesTheRecruitAndTellsHrAndTheSupervisor() {
        users.staff(Role.HR);
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(1), 10);
        Officer officer = enroll(cohort, "Cal", "Dismissed");
        ProcessInstance process = process(officer);

        record(officer, "DE-ESCALATION", 40);
        TestUsers.asSystem(() -> academy.planRemediation(officer.getId(), "DE-ESCALATION",
                new Requests.RemediationPlan("Tutoring", LocalDate.now().plusDays(3))));
        record(officer, "DE-ESCALATION", 45);

        assertThat(process).isEnded().hasPassed("EndEvent_FailedTwice", "BoundaryEvent_ModuleFailedTwice",
                "Task_DismissRecruit", "EndEvent_RecruitDismissed");
        assertThat(people.officer(officer.getId()).getStatus()).isEqualTo(OfficerStatus.DISMISSED);
        assertThat(academy.currentEnrollment(officer.getId()).orElseThrow().getStatus()).isEqualTo(RecruitStatus.DISMISSED);
        assertThat(notificationsFor(users.staff(Role.HR), officer)).isEqualTo(1);
        assertThat(notificationsFor(supervisor, officer)).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
    }

    @Test
    void movedRecruitKeepsPassedModulesInTheLaterCohort() {
        Cohort first = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(2), 10);
        Cohort later = Recruits.cohort(academy, coordinator, LocalDate.now().plusWeeks(4), 10);
        Officer officer = enroll(first, "Dee", "Moves");
        ProcessInstance firstProcess = process(officer);
        record(officer, "DE-ESCALATION", 88);

        TestUsers.asSystem(() -> academy.moveToCohort(officer.getId(), new Requests.Move(later.getId(), "Family leave")));

        assertThat(firstProcess).isEnded().hasPassed("StartEvent_RecruitMoved", "EndEvent_ContinuesInLaterCohort");
        ProcessInstance secondProcess = process(officer);
        assertThat(secondProcess).isWaitingAt(TASK_RECORD_RESULT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(secondProcess.getId()).list())
                .singleElement().satisfies(t -> assertThat(t.getName()).contains("cultural competency"));
        assertThat(academy.enrollments(officer.getId())).extracting(Recruit::getStatus)
                .containsExactly(RecruitStatus.MOVED, RecruitStatus.ENROLLED);
        assertThatThrownBy(() -> TestUsers.asSystem(() -> academy.moveToCohort(officer.getId(),
                new Requests.Move(first.getId(), "back")))).hasMessageContaining("starts after");
    }

    @Test
    void withdrawalEndsTheAcademy() {
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now(), 10);
        Officer officer = enroll(cohort, "Eve", "Withdraws");
        ProcessInstance process = process(officer);

        TestUsers.asSystem(() -> academy.withdraw(officer.getId(), new Requests.Withdrawal("Accepted another job")));

        assertThat(process).isEnded().hasPassed("StartEvent_RecruitWithdrew", "EndEvent_RecruitWithdrew");
        assertThat(people.officer(officer.getId()).getStatus()).isEqualTo(OfficerStatus.WITHDRAWN);
        assertThatThrownBy(() -> record(officer, "DE-ESCALATION", 90)).hasMessageContaining("not enrolled");
    }

    @Test
    void sameResultTwiceIsOneAttemptAndAClosedModuleIsAConflict() {
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(1), 10);
        Officer officer = enroll(cohort, "Fay", "Twice");
        ModuleResult first = record(officer, "DE-ESCALATION", 90);
        ModuleResult again = record(officer, "DE-ESCALATION", 90);
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(academy.results(officer.getId())).hasSize(1);
        assertThatThrownBy(() -> record(officer, "DE-ESCALATION", 95)).hasMessageContaining("already passed");
        assertThatThrownBy(() -> record(officer, "SELF-DEFENSE", 95)).hasMessageContaining("not taught");
    }

    @Test
    void attendanceAndThePracticalCountTowardsPassing() {
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().minusWeeks(1), 10);
        Officer officer = enroll(cohort, "Gus", "Absent");
        ModuleResult result = TestUsers.asSystemGet(() -> academy.recordResult(officer.getId(), "DE-ESCALATION",
                new ResultEntry(95, new java.math.BigDecimal("10"), LocalDate.now(), "Ofc. Rivera", true, "missed days")));
        assertThat(result.isPassed()).as("10 of 32 hours is below 80 % attendance").isFalse();
        assertThatThrownBy(() -> TestUsers.asSystem(() -> academy.recordResult(officer.getId(), "CULTURAL-COMPETENCY",
                new ResultEntry(95, new java.math.BigDecimal("24"), LocalDate.now().plusDays(3), "Dr. Banks", null, null))))
                .hasMessageContaining("future");
    }

    @Test
    void fullCohortRefusesAnotherRecruit() {
        Cohort cohort = Recruits.cohort(academy, coordinator, LocalDate.now().plusWeeks(1), 1);
        enroll(cohort, "Hal", "First");
        Officer second = Recruits.hire(people, "Ivy", "Second", supervisor);
        assertThatThrownBy(() -> TestUsers.asSystem(() -> academy.enroll(cohort.getId(), second.getId())))
                .hasMessageContaining("is full");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Officer enroll(Cohort cohort, String first, String last) {
        Officer officer = Recruits.hire(people, first, last, supervisor);
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), officer.getId()));
        return officer;
    }

    private ModuleResult record(Officer officer, String module, int score) {
        return TestUsers.asSystemGet(() -> academy.recordResult(officer.getId(), module, Recruits.score(score)));
    }

    private ProcessInstance process(Officer officer) {
        Recruit recruit = academy.currentEnrollment(officer.getId()).orElseThrow();
        ProcessInstance instance = runtimeService().createProcessInstanceQuery().processDefinitionKey(AcademyProcess.KEY)
                .processInstanceBusinessKey(recruit.getId().toString()).singleResult();
        assertThat(instance).isNotNull();
        return instance;
    }

    private long notificationsFor(String user, Officer officer) {
        return jdbc.queryForObject("select count(*) from cso.notification where recipient = ? and link = ?", Long.class,
                user, "/academy/recruits/" + officer.getId());
    }
}
