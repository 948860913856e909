package org.csotracker.hiring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.people.Tokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.csotracker.hiring.HiringProcess.*;

/**
 * The hiring module's API. Each call changes the candidate and completes the matching BPMN step in
 * one transaction, so the record and the process never disagree. The candidate row is locked
 * first: a double submit waits, then finds the step closed and gets a 409.
 */
@Service
public class Hiring {

    private static final String SUBJECT = "Candidate";

    private final CandidateRepository candidates;
    private final StageVisitRepository visits;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final People people;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final HiringSettings settings;
    private final DepartmentSettings department;
    private final ObjectProvider<CohortDirectory> cohorts;
    private final Clock clock;
    private final CandidateMail mail;

    Hiring(CandidateRepository candidates, StageVisitRepository visits, RuntimeService runtime, TaskService tasks,
           People people, AuditTrail audit, ApplicationEventPublisher events, HiringSettings settings,
           DepartmentSettings department, ObjectProvider<CohortDirectory> cohorts, Clock clock, CandidateMail mail) {
        this.mail = mail;
        this.candidates = candidates;
        this.visits = visits;
        this.runtime = runtime;
        this.tasks = tasks;
        this.people = people;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.department = department;
        this.cohorts = cohorts;
        this.clock = clock;
    }

    // ---- application ------------------------------------------------------------------------

    @Transactional
    public Candidate apply(NewApplication application, ApplicationSource source) {
        String email = application.email().strip().toLowerCase();
        if (candidates.existsByEmailAndClosedAtIsNull(email)) {
            throw duplicate(email);
        }
        if (application.languageList().isEmpty()) {
            throw new InvalidInputException("languages", Text.of("invalid.atLeastOneLanguage"));
        }
        if (application.districtPreference() != null && !application.districtPreference().isBlank()
                && !department.districts().contains(application.districtPreference())) {
            throw new InvalidInputException("districtPreference", Text.of("invalid.oneOf", String.join(", ", department.districts())));
        }
        Candidate candidate;
        try {
            candidate = candidates.saveAndFlush(new Candidate(application, source, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw duplicate(email); // a concurrent application with the same address won the race
        }
        visits.save(new StageVisit(candidate.getId(), HiringStage.SCREENING, candidate.getAppliedAt()));
        audit.record(SUBJECT, candidate.getId(), "APPLICATION_RECEIVED",
                candidate.getFullName() + " applied (" + source.name().toLowerCase() + ")");

        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CANDIDATE_ID, candidate.getId());
        variables.put(VAR_AGE_ELIGIBLE, candidate.isAgeEligible());
        variables.put(VAR_WORK_AUTHORIZED, candidate.isWorkAuthorized());
        variables.put(VAR_EDUCATION, candidate.getEducation().name());
        variables.put(VAR_COMMUNITY_YEARS, candidate.getCommunityEngagementYears());
        variables.put(VAR_LANGUAGE_COUNT, candidate.getLanguageCount());
        variables.put(VAR_CRISIS_YEARS, candidate.getCrisisExperienceYears());
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, candidate.getId().toString(), variables);
        candidate.startedProcess(instance.getId());

        @SuppressWarnings("unchecked")
        Map<String, Object> minimum = (Map<String, Object>) runtime.getVariable(instance.getId(), VAR_MINIMUM_QUALIFICATIONS);
        Number score = (Number) runtime.getVariable(instance.getId(), VAR_DESIRED_SCORE);
        candidate.screened(Boolean.TRUE.equals(minimum.get("meetsMinimum")), (String) minimum.get("minimumNote"),
                score == null ? 0 : score.intValue());
        mail.applicationReceived(candidate);
        return candidate;
    }

    private static ConflictException duplicate(String email) {
        return new ConflictException(Text.of("problem.openApplicationExists", email), Map.of("field", "email"));
    }

    // ---- the gates --------------------------------------------------------------------------

    @Transactional
    public Candidate screen(Long id, Steps.Screening decision) {
        Candidate candidate = lock(id);
        Task task = openTask(candidate, HiringStage.SCREENING);
        if (!decision.passed()) {
            if (decision.reasonCode() == null) {
                throw new InvalidInputException("reasonCode", Text.of("invalid.reasonRequiredOnRejection"));
            }
            reject(candidate, decision.reasonCode(), decision.note());
        } else {
            audit.record(SUBJECT, id, "SCREENING_PASSED", note("Desired-qualifications score " + candidate.getDesiredScore(), decision.note()));
        }
        Date due = Date.from(clock.instant().plus(settings.backgroundCheckSla()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        complete(task, Map.of(VAR_SCREENING_PASSED, decision.passed(), VAR_BACKGROUND_CHECK_DUE, due));
        return candidate;
    }

    @Transactional
    public Candidate recordBackgroundCheck(Long id, Steps.BackgroundCheck result) {
        Candidate candidate = lock(id);
        Task task = openTask(candidate, HiringStage.BACKGROUND_CHECK);
        candidate.backgroundChecked(result.clear());
        if (result.clear()) {
            audit.record(SUBJECT, id, "BACKGROUND_CHECK_CLEAR", result.note());
        } else {
            reject(candidate, RejectionReason.BACKGROUND_CHECK_NOT_CLEAR, result.note());
        }
        complete(task, Map.of(VAR_BACKGROUND_CLEAR, result.clear()));
        return candidate;
    }

    @Transactional
    public Candidate recordInterview(Long id, Steps.Interview result) {
        Candidate candidate = lock(id);
        Task task = openTask(candidate, HiringStage.INTERVIEW);
        candidate.interviewed(result.panelScore(), result.recommendation());
        String summary = "Panel score " + result.panelScore() + ", " + result.recommendation().title()
                + (result.panel() == null || result.panel().isBlank() ? "" : " (panel: " + result.panel() + ")");
        if (result.recommendation().recommends()) {
            audit.record(SUBJECT, id, "INTERVIEW_RECOMMENDED", note(summary, result.note()));
        } else {
            reject(candidate, RejectionReason.INTERVIEW_NOT_RECOMMENDED, note(summary, result.note()));
        }
        complete(task, Map.of(VAR_INTERVIEW_RECOMMENDED, result.recommendation().recommends()));
        return candidate;
    }

    @Transactional
    public Candidate recordUnionVetting(Long id, Steps.UnionVetting vetting) {
        Candidate candidate = lock(id);
        Task task = openTask(candidate, HiringStage.UNION_VETTING);
        if (!vetting.approved() && (vetting.note() == null || vetting.note().isBlank())) {
            throw new InvalidInputException("note", Text.of("invalid.unionObjection"));
        }
        String union = vetting.union() == null || vetting.union().isBlank() ? department.union() : vetting.union();
        candidate.unionVetted(vetting.approved(), vetting.note());
        audit.record(SUBJECT, id, vetting.approved() ? "UNION_APPROVED" : "UNION_OBJECTED", note(union, vetting.note()));
        complete(task, Map.of(VAR_UNION_APPROVED, vetting.approved()));
        return candidate;
    }

    @Transactional
    public Candidate resolveUnionObjection(Long id, Steps.ObjectionResolution resolution) {
        Candidate candidate = lock(id);
        Task task = openTask(candidate, HiringStage.UNION_OBJECTION);
        switch (resolution.decision()) {
            case PROCEED -> audit.record(SUBJECT, id, "OBJECTION_OVERRULED", resolution.note());
            case REVET -> audit.record(SUBJECT, id, "RETURNED_TO_UNION", resolution.note());
            case REJECT -> reject(candidate, RejectionReason.UNION_OBJECTION, resolution.note());
        }
        complete(task, Map.of(VAR_OBJECTION_DECISION, resolution.decision().name()));
        return candidate;
    }

    @Transactional
    public Candidate extendOffer(Long id, OfferTerms terms) {
        Candidate candidate = lock(id);
        Task task = openTask(candidate, HiringStage.OFFER);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (!department.districts().contains(terms.district())) {
            errors.add(new InvalidInputException.FieldError("district", Text.of("invalid.oneOf", String.join(", ", department.districts()))));
        }
        if (!people.usernamesWithRole(Role.SUPERVISOR).contains(terms.supervisor())) {
            errors.add(new InvalidInputException.FieldError("supervisor", Text.of("invalid.supervisorLogin")));
        }
        if (terms.startDate().isBefore(java.time.LocalDate.now(clock))) {
            errors.add(new InvalidInputException.FieldError("startDate", Text.of("invalid.notInPast")));
        }
        Instant deadline = (terms.deadline() == null ? clock.instant().plus(settings.offerResponseTime())
                : terms.deadline().toInstant()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!deadline.isAfter(clock.instant())) {
            errors.add(new InvalidInputException.FieldError("deadline", Text.of("invalid.inFuture")));
        }
        CohortDirectory directory = cohorts.getIfAvailable();
        if (terms.cohortId() != null && (directory == null || !directory.isOpen(terms.cohortId()))) {
            errors.add(new InvalidInputException.FieldError("cohortId", Text.of("invalid.cohortOpen")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        candidate.offered(terms, deadline, Tokens.random());
        audit.record(SUBJECT, id, "OFFER_EXTENDED", "Start " + terms.startDate() + ", " + terms.district()
                + " district, " + terms.shiftPattern().title() + ", " + terms.programComponent().title()
                + "; answer by " + deadline);
        complete(task, Map.of(VAR_OFFER_DEADLINE, Date.from(deadline)));
        mail.offerExtended(candidate, clock.getZone());
        return candidate;
    }

    @Transactional
    public Candidate recordOfferResponse(Long id, Steps.OfferResponse response) {
        Candidate candidate = lock(id);
        Task task = openTask(candidate, HiringStage.OFFER_EXTENDED);
        if (response.accepted()) {
            audit.record(SUBJECT, id, "OFFER_ACCEPTED", response.note());
            candidate.enter(HiringStage.HIRING, clock.instant(), null);
            moveVisit(candidate, HiringStage.HIRING);
        } else {
            close(candidate, HiringStage.OFFER_DECLINED, null, response.note(), "OFFER_DECLINED");
        }
        complete(task, Map.of(VAR_OFFER_ACCEPTED, response.accepted()));
        return candidate;
    }

    /** The candidate answers with the link from their offer letter (no login). */
    @Transactional
    public Candidate respondToOffer(String token, Steps.OfferResponse response) {
        Candidate candidate = candidates.findByOfferToken(token)
                .orElseThrow(() -> new NotFoundException(Text.of("problem.offerLinkUnknown")));
        return recordOfferResponse(candidate.getId(), response);
    }

    @Transactional
    public Candidate withdraw(Long id, Steps.Withdrawal withdrawal) {
        Candidate candidate = lock(id);
        if (candidate.getStage().isClosed() || candidate.getStage() == HiringStage.HIRING) {
            throw new ConflictException(Text.of("problem.cannotWithdraw", stageName(candidate.getStage())),
                    Map.of("stage", candidate.getStage().name()));
        }
        close(candidate, HiringStage.WITHDRAWN, null, withdrawal.reason(), "WITHDRAWN");
        runtime.createMessageCorrelation(MESSAGE_WITHDREW).processInstanceBusinessKey(id.toString()).correlate();
        return candidate;
    }

    // ---- called by the engine (listeners and delegates) -------------------------------------

    /** A user task was created: the candidate is now in that task's stage. */
    @Transactional
    public void enterStage(Long id, String taskKey, Instant due) {
        Candidate candidate = lock(id);
        HiringStage stage = HiringStage.ofTask(taskKey).orElseThrow();
        if (candidate.getStage() != stage) {
            candidate.enter(stage, clock.instant(), due);
            moveVisit(candidate, stage);
        }
    }

    @Transactional
    public void escalateOverdueBackgroundCheck(Long id) {
        Candidate candidate = lock(id);
        if (candidate.getStage() != HiringStage.BACKGROUND_CHECK || candidate.isEscalated()) {
            return;
        }
        candidate.escalate();
        audit.record(AuditTrail.SYSTEM, SUBJECT, id, "BACKGROUND_CHECK_ESCALATED",
                "Overdue since " + candidate.getDueAt() + "; escalated to HR supervisor " + settings.hrSupervisor());
        events.publishEvent(new BackgroundCheckOverdue(id, candidate.getFullName(), candidate.getDueAt(), settings.hrSupervisor()));
    }

    @Transactional
    public void rescindExpiredOffer(Long id) {
        Candidate candidate = lock(id);
        if (candidate.getStage() == HiringStage.OFFER_EXPIRED) {
            return;
        }
        closeAs(AuditTrail.SYSTEM, candidate, HiringStage.OFFER_EXPIRED, null,
                "No answer by " + candidate.getOfferDeadline() + "; offer rescinded", "OFFER_EXPIRED");
    }

    /**
     * Creates the officer and their CSO login and tells the academy. Safe to run again: the engine
     * retries a failed job, and a retry must not create a second officer or login.
     */
    @Transactional
    public Long hire(Long id) {
        Candidate candidate = lock(id);
        if (candidate.getStage() == HiringStage.HIRED) {
            return candidate.getOfficerId();
        }
        Officer officer = people.hire(new NewOfficer(candidate.getFirstName(), candidate.getLastName(),
                candidate.getEmail(), candidate.getPhone(), candidate.getOfferDistrict(),
                candidate.getOfferProgramComponent(), candidate.getOfferShiftPattern(), candidate.getOfferSupervisor(),
                candidate.getOfferStartDate(), candidate.getId()));
        people.createOfficerLogin(officer.getId(), candidate.getPreferredLanguage());
        candidate.hiredAs(officer.getId());
        closeAs(AuditTrail.SYSTEM, candidate, HiringStage.HIRED, null,
                "Officer " + officer.getEmployeeNumber() + " created with a CSO login", "HIRED");
        events.publishEvent(new CandidateHired(id, officer.getId(), candidate.getOfferCohortId(), candidate.getOfferStartDate()));
        return officer.getId();
    }

    // ---- reading ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Candidate candidate(Long id) {
        return candidates.findById(id).orElseThrow(() -> NotFoundException.of("Candidate", id));
    }

    @Transactional(readOnly = true)
    public Optional<Candidate> findByOfferToken(String token) {
        return candidates.findByOfferToken(token);
    }

    /** The step that is open now, if HR has one to do. */
    public Optional<HiringStage> openStep(Candidate candidate) {
        return Optional.ofNullable(candidate.getStage().taskKey() == null ? null : candidate.getStage());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Candidate lock(Long id) {
        return candidates.lockById(id).orElseThrow(() -> NotFoundException.of("Candidate", id));
    }

    private static Text stageName(HiringStage stage) {
        return Text.of("stage." + stage.name());
    }

    private Task openTask(Candidate candidate, HiringStage stage) {
        Task task = tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(candidate.getId().toString())
                .taskDefinitionKey(stage.taskKey()).singleResult();
        if (task == null) {
            Map<String, Object> details = new HashMap<>();
            details.put("stage", candidate.getStage().name());
            details.put("openStep", candidate.getStage().step() == null ? "none" : candidate.getStage().step());
            throw new ConflictException(candidate.getStage().step() == null
                    ? Text.of("problem.noStepOpen", stageName(stage), stageName(candidate.getStage()))
                    : Text.of("problem.otherStepOpen", stageName(stage), stageName(candidate.getStage())), details);
        }
        return task;
    }

    private void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    private void reject(Candidate candidate, RejectionReason reason, String note) {
        close(candidate, HiringStage.REJECTED, reason, note, "REJECTED");
    }

    private void close(Candidate candidate, HiringStage end, RejectionReason reason, String note, String action) {
        closeAs(AuditTrail.currentActor(), candidate, end, reason, note, action);
    }

    private void closeAs(String actor, Candidate candidate, HiringStage end, RejectionReason reason, String note,
                         String action) {
        HiringStage gate = candidate.getStage();
        candidate.close(end, reason, note, clock.instant());
        moveVisit(candidate, end);
        String details = end == HiringStage.REJECTED
                ? "At " + gate.title().toLowerCase() + ": " + reason.title() + (note == null || note.isBlank() ? "" : ". " + note)
                : note;
        audit.record(actor, SUBJECT, candidate.getId(), action, details);
    }

    private void moveVisit(Candidate candidate, HiringStage stage) {
        Instant now = candidate.getStageEnteredAt();
        visits.findFirstByCandidateIdAndLeftAtIsNullOrderByEnteredAtDesc(candidate.getId()).ifPresent(v -> v.leave(now));
        visits.save(new StageVisit(candidate.getId(), stage, now));
    }

    private static String note(String summary, String note) {
        return note == null || note.isBlank() ? summary : summary + ". " + note;
    }
}
