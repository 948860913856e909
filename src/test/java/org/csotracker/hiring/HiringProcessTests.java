package org.csotracker.hiring;

import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.csotracker.hiring.HiringProcess.*;

/** Every path through {@code processes/hiring.bpmn}, driven through the hiring API on the real engine. */
@CsoTrackerTest
class HiringProcessTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Hiring hiring;
    @Autowired
    People people;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.csotracker.notifications.Notifications notifications;
    @Autowired
    HiringSettings hiringSettings;

    String supervisor;

    @BeforeEach
    void setUp() {
        init(engine);
        supervisor = users.staff(Role.SUPERVISOR);
    }

    // ---- the happy path ---------------------------------------------------------------------

    @Test
    void strongCandidateIsHiredWithOneOfficerAndOneLogin() {
        Candidate candidate = apply("Amara", "Okafor");
        ProcessInstance process = process(candidate);
        assertThat(process).hasPassed("Task_CheckMinimumQualifications", "Task_ScoreDesiredQualifications")
                .isWaitingAt(TASK_SCREEN_APPLICATION);
        assertThat(candidate.getDesiredScore()).isEqualTo(4 + 3 + 4);
        assertThat(candidate.getMeetsMinimum()).isTrue();

        throughOffer(candidate);
        assertThat(stage(candidate)).isEqualTo(HiringStage.OFFER_EXTENDED);
        hiring.recordOfferResponse(candidate.getId(), new Steps.OfferResponse(true, "Thrilled"));
        assertThat(process).isWaitingAt(TASK_HIRE_CANDIDATE);
        assertThat(stage(candidate)).isEqualTo(HiringStage.HIRING);

        execute(job(process));

        assertThat(process).hasPassed(TASK_HIRE_CANDIDATE).isEnded().hasPassed("EndEvent_CandidateHired");
        Candidate hired = hiring.candidate(candidate.getId());
        assertThat(hired.getStage()).isEqualTo(HiringStage.HIRED);
        assertThat(officersFor(candidate)).isEqualTo(1);
        assertThat(people.officerLogin(hired.getOfficerId())).hasValueSatisfying(login -> {
            assertThat(login.username()).isNotBlank();
            assertThat(login.active()).isFalse();
            assertThat(login.activationToken()).isNotBlank();
        });
        assertThat(people.findLogin(people.officerLogin(hired.getOfficerId()).orElseThrow().username()))
                .hasValueSatisfying(login -> assertThat(login.roles()).containsExactly(Role.CSO));
        assertThat(auditActions(candidate)).containsSubsequence("APPLICATION_RECEIVED", "SCREENING_PASSED",
                "BACKGROUND_CHECK_CLEAR", "INTERVIEW_RECOMMENDED", "UNION_APPROVED", "OFFER_EXTENDED",
                "OFFER_ACCEPTED", "HIRED");
    }

    @Test
    void retriedHireCreatesNoSecondOfficerOrLogin() {
        Candidate candidate = apply("Tomas", "Lindqvist");
        ProcessInstance process = process(candidate);
        throughOffer(candidate);
        hiring.recordOfferResponse(candidate.getId(), new Steps.OfferResponse(true, null));
        // an earlier attempt did the work but its job was not marked done (at-least-once delivery)
        Long officerId = hiring.hire(candidate.getId());

        execute(job(process));
        assertThat(hiring.hire(candidate.getId())).isEqualTo(officerId);

        assertThat(process).isEnded();
        assertThat(officersFor(candidate)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from cso.user_account where officer_id = ?", Long.class,
                officerId)).isEqualTo(1);
    }

    // ---- rejections -------------------------------------------------------------------------

    @Test
    void rejectedAtScreeningWithReasonCode() {
        Candidate candidate = apply("Reject", "Screening");
        ProcessInstance process = process(candidate);
        hiring.screen(candidate.getId(), new Steps.Screening(false, RejectionReason.MINIMUM_QUALIFICATIONS_NOT_MET, "No diploma"));
        assertThat(process).isEnded().hasPassed("EndEvent_RejectedAtScreening");
        assertClosed(candidate, HiringStage.REJECTED, HiringStage.SCREENING, RejectionReason.MINIMUM_QUALIFICATIONS_NOT_MET);
    }

    @Test
    void rejectedAtBackgroundCheck() {
        Candidate candidate = apply("Reject", "Background");
        ProcessInstance process = process(candidate);
        pass(candidate, HiringStage.SCREENING);
        hiring.recordBackgroundCheck(candidate.getId(), new Steps.BackgroundCheck(false, "Disqualifying record"));
        assertThat(process).isEnded().hasPassed("EndEvent_RejectedAtBackgroundCheck");
        assertClosed(candidate, HiringStage.REJECTED, HiringStage.BACKGROUND_CHECK, RejectionReason.BACKGROUND_CHECK_NOT_CLEAR);
    }

    @Test
    void rejectedAtInterview() {
        Candidate candidate = apply("Reject", "Interview");
        ProcessInstance process = process(candidate);
        pass(candidate, HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK);
        hiring.recordInterview(candidate.getId(), new Steps.Interview(41, InterviewRecommendation.DO_NOT_RECOMMEND, "Panel B", null));
        assertThat(process).isEnded().hasPassed("EndEvent_RejectedAtInterview");
        assertClosed(candidate, HiringStage.REJECTED, HiringStage.INTERVIEW, RejectionReason.INTERVIEW_NOT_RECOMMENDED);
    }

    // ---- union vetting ----------------------------------------------------------------------

    @Test
    void unionObjectionOverruledThenHired() {
        Candidate candidate = apply("Objection", "Proceed");
        ProcessInstance process = process(candidate);
        pass(candidate, HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW);
        hiring.recordUnionVetting(candidate.getId(), new Steps.UnionVetting(false, null, "Seniority list not respected"));
        assertThat(process(candidate)).isWaitingAt(TASK_DECIDE_ON_UNION_OBJECTION);
        assertThat(stage(candidate)).isEqualTo(HiringStage.UNION_OBJECTION);

        hiring.resolveUnionObjection(candidate.getId(), new Steps.ObjectionResolution(ObjectionDecision.PROCEED,
                "Seniority list checked with the union steward"));
        assertThat(process(candidate)).isWaitingAt(TASK_EXTEND_OFFER);
        hiring.extendOffer(candidate.getId(), Applicants.offer(supervisor));
        hiring.recordOfferResponse(candidate.getId(), new Steps.OfferResponse(true, null));
        execute(job(process));
        assertThat(process).isEnded().hasPassed("EndEvent_CandidateHired");
        assertThat(stage(candidate)).isEqualTo(HiringStage.HIRED);
    }

    @Test
    void unionObjectionSentBackForVettingThenApproved() {
        Candidate candidate = apply("Objection", "Revet");
        pass(candidate, HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW);
        hiring.recordUnionVetting(candidate.getId(), new Steps.UnionVetting(false, "Teamsters Local 117", "Job description changed"));
        hiring.resolveUnionObjection(candidate.getId(), new Steps.ObjectionResolution(ObjectionDecision.REVET, "Reverted the job description"));
        assertThat(process(candidate)).isWaitingAt(TASK_RECORD_UNION_VETTING);
        assertThat(stage(candidate)).isEqualTo(HiringStage.UNION_VETTING);
        hiring.recordUnionVetting(candidate.getId(), new Steps.UnionVetting(true, null, null));
        assertThat(process(candidate)).isWaitingAt(TASK_EXTEND_OFFER);
    }

    @Test
    void unionObjectionUpheldRejectsTheCandidate() {
        Candidate candidate = apply("Objection", "Upheld");
        ProcessInstance process = process(candidate);
        pass(candidate, HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW);
        hiring.recordUnionVetting(candidate.getId(), new Steps.UnionVetting(false, null, "Bargaining unit objects"));
        hiring.resolveUnionObjection(candidate.getId(), new Steps.ObjectionResolution(ObjectionDecision.REJECT, "Upheld"));
        assertThat(process).isEnded().hasPassed("EndEvent_RejectedAfterUnionObjection");
        assertClosed(candidate, HiringStage.REJECTED, HiringStage.UNION_OBJECTION, RejectionReason.UNION_OBJECTION);
    }

    // ---- the offer --------------------------------------------------------------------------

    @Test
    void offerDeclined() {
        Candidate candidate = apply("Offer", "Declined");
        ProcessInstance process = process(candidate);
        throughOffer(candidate);
        hiring.recordOfferResponse(candidate.getId(), new Steps.OfferResponse(false, "Took another job"));
        assertThat(process).isEnded().hasPassed("EndEvent_OfferDeclined");
        assertThat(stage(candidate)).isEqualTo(HiringStage.OFFER_DECLINED);
        assertThat(officersFor(candidate)).isZero();
    }

    @Test
    void unansweredOfferExpiresWhenItsTimerFires() {
        Candidate candidate = apply("Offer", "Expired");
        throughOffer(candidate);
        ProcessInstance process = process(candidate);
        Job timer = managementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(hiring.candidate(candidate.getId()).getOfferDeadline());

        execute(timer);

        assertThat(process).isEnded().hasPassed("BoundaryEvent_OfferExpired", "Task_RescindOffer", "EndEvent_OfferExpired");
        assertThat(stage(candidate)).isEqualTo(HiringStage.OFFER_EXPIRED);
        assertThat(auditActions(candidate)).endsWith("OFFER_EXPIRED");
    }

    @Test
    void overdueBackgroundCheckIsEscalatedAndStaysOpen() {
        Candidate candidate = apply("Slow", "Background");
        pass(candidate, HiringStage.SCREENING);
        ProcessInstance process = process(candidate);
        Job timer = managementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer).isNotNull();

        execute(timer);

        assertThat(process).hasPassed("Task_EscalateOverdueBackgroundCheck", "EndEvent_EscalationSent")
                .isWaitingAt(TASK_RECORD_BACKGROUND_CHECK);
        Candidate escalated = hiring.candidate(candidate.getId());
        assertThat(escalated.isEscalated()).isTrue();
        assertThat(escalated.getStage()).isEqualTo(HiringStage.BACKGROUND_CHECK);
        assertThat(auditActions(candidate)).contains("BACKGROUND_CHECK_ESCALATED");
        // the HR supervisor it was escalated to hears of it in the app (once, even if the job is retried)
        TestUsers.asSystem(() -> hiring.escalateOverdueBackgroundCheck(candidate.getId()));
        assertThat(notifications.of(hiringSettings.hrSupervisor(), org.springframework.data.domain.PageRequest.of(0, 100)))
                .filteredOn(n -> ("/hiring/candidates/" + candidate.getId()).equals(n.getLink()))
                .singleElement().satisfies(n -> assertThat(n.getTitle()).isEqualTo("Background check overdue: Slow Background"));

        hiring.recordBackgroundCheck(candidate.getId(), new Steps.BackgroundCheck(true, "Arrived late but clear"));
        assertThat(process).isWaitingAt(TASK_RECORD_INTERVIEW);
    }

    // ---- withdrawal at every open stage -----------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = HiringStage.class, names = {"SCREENING", "BACKGROUND_CHECK", "INTERVIEW", "UNION_VETTING",
            "UNION_OBJECTION", "OFFER", "OFFER_EXTENDED"})
    void candidateCanWithdrawAtEveryOpenStage(HiringStage stage) {
        Candidate candidate = apply("Withdraws", "At" + stage.name().replace("_", ""));
        ProcessInstance process = process(candidate);
        advanceTo(candidate, stage);
        assertThat(stage(candidate)).isEqualTo(stage);

        hiring.withdraw(candidate.getId(), new Steps.Withdrawal("Moving out of state"));

        assertThat(process).isEnded().hasPassed("StartEvent_CandidateWithdrew", "EndEvent_Withdrawn");
        Candidate withdrawn = hiring.candidate(candidate.getId());
        assertThat(withdrawn.getStage()).isEqualTo(HiringStage.WITHDRAWN);
        assertThat(withdrawn.getClosedAtStage()).isEqualTo(stage);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(candidate.getId().toString()).count()).isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Candidate apply(String first, String last) {
        Candidate[] created = new Candidate[1];
        TestUsers.asSystem(() -> created[0] = hiring.apply(Applicants.strong(first, last), ApplicationSource.HR));
        return created[0];
    }

    /** The running instance; keep the reference to assert on it after it ended. */
    private ProcessInstance process(Candidate candidate) {
        ProcessInstance instance = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(KEY).processInstanceBusinessKey(candidate.getId().toString()).singleResult();
        assertThat(instance).as("running process of candidate " + candidate.getId()).isNotNull();
        return instance;
    }

    private HiringStage stage(Candidate candidate) {
        return hiring.candidate(candidate.getId()).getStage();
    }

    private void throughOffer(Candidate candidate) {
        advanceTo(candidate, HiringStage.OFFER_EXTENDED);
    }

    private void advanceTo(Candidate candidate, HiringStage target) {
        List<HiringStage> order = List.of(HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW,
                HiringStage.UNION_VETTING, HiringStage.OFFER, HiringStage.OFFER_EXTENDED);
        if (target == HiringStage.UNION_OBJECTION) {
            pass(candidate, HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW);
            hiring.recordUnionVetting(candidate.getId(), new Steps.UnionVetting(false, null, "Objection"));
            return;
        }
        for (HiringStage stage : order) {
            if (stage == target) {
                return;
            }
            pass(candidate, stage);
        }
    }

    private void pass(Candidate candidate, HiringStage... stages) {
        Long id = candidate.getId();
        for (HiringStage stage : stages) {
            Consumer<Long> step = switch (stage) {
                case SCREENING -> c -> hiring.screen(c, new Steps.Screening(true, null, null));
                case BACKGROUND_CHECK -> c -> hiring.recordBackgroundCheck(c, new Steps.BackgroundCheck(true, null));
                case INTERVIEW -> c -> hiring.recordInterview(c, new Steps.Interview(88, InterviewRecommendation.RECOMMEND, "Panel A", null));
                case UNION_VETTING -> c -> hiring.recordUnionVetting(c, new Steps.UnionVetting(true, null, null));
                case OFFER -> c -> hiring.extendOffer(c, Applicants.offer(supervisor));
                default -> throw new IllegalArgumentException(stage.name());
            };
            TestUsers.asSystem(() -> step.accept(id));
        }
    }

    private void assertClosed(Candidate candidate, HiringStage end, HiringStage gate, RejectionReason reason) {
        Candidate closed = hiring.candidate(candidate.getId());
        assertThat(closed.getStage()).isEqualTo(end);
        assertThat(closed.getClosedAtStage()).isEqualTo(gate);
        assertThat(closed.getRejectionReason()).isEqualTo(reason);
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(auditActions(candidate)).endsWith("REJECTED");
    }

    private long officersFor(Candidate candidate) {
        return jdbc.queryForObject("select count(*) from cso.officer where candidate_id = ?", Long.class, candidate.getId());
    }

    private List<String> auditActions(Candidate candidate) {
        return jdbc.queryForList("select action from cso.audit_event where subject_type = 'Candidate' and subject_id = ? "
                + "order by id", String.class, candidate.getId().toString());
    }
}
