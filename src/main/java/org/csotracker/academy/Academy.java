package org.csotracker.academy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.InvalidInputException.FieldError;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.hiring.CandidateHired;
import org.csotracker.notifications.Notifications;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.workflow.EngineBatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.csotracker.academy.AcademyProcess.*;

/**
 * The academy module's API. Recording a result and completing the recruit's BPMN step happen in one
 * transaction; a step that is not open is a 409, the same result posted twice is not a new attempt.
 */
@Service
public class Academy {

    private static final String RECRUIT = "Recruit";

    private final TrainingModuleRepository modules;
    private final CohortRepository cohorts;
    private final CohortSessionRepository sessions;
    private final RecruitRepository recruits;
    private final ModuleResultRepository results;
    private final RemediationRepository remediations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final People people;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final AcademySettings settings;
    private final Validator validator;
    private final EngineBatch engineBatch;
    private final Clock clock;

    Academy(TrainingModuleRepository modules, CohortRepository cohorts, CohortSessionRepository sessions,
            RecruitRepository recruits, ModuleResultRepository results, RemediationRepository remediations,
            RuntimeService runtime, TaskService tasks, People people, Notifications notifications, AuditTrail audit,
            ApplicationEventPublisher events, AcademySettings settings, Validator validator, EngineBatch engineBatch,
            Clock clock) {
        this.modules = modules;
        this.cohorts = cohorts;
        this.sessions = sessions;
        this.recruits = recruits;
        this.results = results;
        this.remediations = remediations;
        this.runtime = runtime;
        this.tasks = tasks;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.validator = validator;
        this.engineBatch = engineBatch;
        this.clock = clock;
    }

    // ---- the module catalog -----------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<TrainingModule> currentModules() {
        return modules.findCurrent();
    }

    @Transactional(readOnly = true)
    public TrainingModule module(String code) {
        return modules.findFirstByCodeOrderByVersionDesc(code).orElseThrow(() -> NotFoundException.of("Module", code));
    }

    /** A module version by id. Versions never change once written, so they are cached for good. */
    @Transactional(readOnly = true)
    public TrainingModule moduleVersion(Long id) {
        TrainingModule cached = versionCache.get(id);
        if (cached != null) {
            return cached;
        }
        TrainingModule module = modules.findById(id).orElseThrow(() -> NotFoundException.of("ModuleVersion", id));
        versionCache.put(id, module);
        return module;
    }

    private final Map<Long, TrainingModule> versionCache = new java.util.concurrent.ConcurrentHashMap<>();

    @Transactional(readOnly = true)
    public List<TrainingModule> moduleHistory(String code) {
        return modules.findByCodeOrderByVersionDesc(code);
    }

    @Transactional
    public TrainingModule defineModule(Requests.NewModule request) {
        if (modules.findFirstByCodeOrderByVersionDesc(request.code()).isPresent()) {
            throw new ConflictException(Text.of("problem.moduleExists", request.code()));
        }
        return saveVersion(request.code(), 1, request.definition(), "MODULE_CREATED");
    }

    /** An edit adds a version; results recorded before keep pointing at the version they were judged by. */
    @Transactional
    public TrainingModule reviseModule(String code, ModuleDefinition definition) {
        TrainingModule current = module(code);
        return saveVersion(code, current.getVersion() + 1, definition, "MODULE_REVISED");
    }

    private TrainingModule saveVersion(String code, int version, ModuleDefinition d, String action) {
        TrainingModule module = modules.save(new TrainingModule(code, version, d, clock.instant(), AuditTrail.currentActor()));
        audit.record("TrainingModule", code, action, "Version " + version + ": " + d.title() + ", " + d.hours()
                + " h, pass at " + d.passingScore() + (d.practicalRequired() ? ", practical required" : "")
                + (d.active() ? "" : ", inactive"));
        return module;
    }

    // ---- cohorts ----------------------------------------------------------------------------

    @Transactional
    public Cohort createCohort(Requests.NewCohort request) {
        if (cohorts.existsByName(request.name().strip())) {
            throw new ConflictException(Text.of("problem.cohortExists", request.name()), Map.of("field", "name"));
        }
        if (!people.usernamesWithRole(Role.COORDINATOR).contains(request.coordinator())) {
            throw new InvalidInputException("coordinator", Text.of("invalid.coordinatorLogin"));
        }
        Map<String, TrainingModule> catalog = new HashMap<>();
        currentModules().stream().filter(TrainingModule::isActive).forEach(m -> catalog.put(m.getCode(), m));
        List<FieldError> errors = new ArrayList<>();
        List<Requests.ScheduleLine> schedule = request.schedule() == null || request.schedule().isEmpty()
                ? catalog.values().stream().flatMap(m -> java.util.stream.IntStream.rangeClosed(m.getWeekFrom(), m.getWeekTo())
                        .mapToObj(week -> new Requests.ScheduleLine(week, m.getCode(), null, request.location()))).toList()
                : request.schedule();
        for (int i = 0; i < schedule.size(); i++) {
            if (!catalog.containsKey(schedule.get(i).moduleCode())) {
                errors.add(new FieldError("schedule[" + i + "].moduleCode", Text.of("invalid.moduleNotActive")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Cohort cohort = cohorts.save(new Cohort(request.name().strip(), request.startDate(), request.capacity(),
                request.coordinator(), request.location(), clock.instant()));
        schedule.forEach(line -> sessions.save(new CohortSession(cohort.getId(), line.week(), line.moduleCode(),
                line.instructor(), line.location())));
        audit.record("Cohort", cohort.getId(), "COHORT_CREATED", cohort.getName() + ", " + cohort.getStartDate()
                + " to " + cohort.getEndDate() + ", " + cohort.getCapacity() + " places");
        return cohort;
    }

    @Transactional(readOnly = true)
    public Cohort cohort(Long id) {
        return cohorts.findById(id).orElseThrow(() -> NotFoundException.of("Cohort", id));
    }

    @Transactional(readOnly = true)
    public List<Cohort> cohorts() {
        return cohorts.findAllByOrderByStartDateDesc();
    }

    @Transactional(readOnly = true)
    public List<CohortSession> schedule(Long cohortId) {
        return sessions.findByCohortIdOrderByWeekAscModuleCodeAsc(cohortId);
    }

    /** Cohorts that have not started yet (or start today) and still have places. */
    @Transactional(readOnly = true)
    public List<Cohort> openCohorts() {
        LocalDate today = LocalDate.now(clock);
        return cohorts.findByEndDateGreaterThanEqualOrderByStartDate(today).stream()
                .filter(c -> recruits.countByCohortIdAndStatus(c.getId(), RecruitStatus.ENROLLED) < c.getCapacity())
                .toList();
    }

    // ---- enrollment -------------------------------------------------------------------------

    /** A hire named a cohort in their offer: they join it as soon as they are hired. */
    @EventListener
    public void onCandidateHired(CandidateHired hired) {
        if (hired.cohortId() != null) {
            enroll(hired.cohortId(), hired.officerId());
        }
    }

    @Transactional
    public Recruit enroll(Long cohortId, Long officerId) {
        Cohort cohort = cohort(cohortId);
        Officer officer = people.officer(officerId);
        Optional<Recruit> current = recruits.lockEnrolled(officerId);
        if (current.isPresent()) {
            if (current.get().getCohortId().equals(cohortId)) {
                return current.get(); // already there: a retried hire or a double click
            }
            throw new ConflictException(Text.of("problem.enrolledElsewhere", officer.getFullName()));
        }
        if (officer.getStatus() != OfficerStatus.HIRED && officer.getStatus() != OfficerStatus.IN_ACADEMY) {
            throw new ConflictException(Text.of("problem.cannotJoinCohort", officer.getFullName(),
                    Text.of("officer.status." + officer.getStatus().name())));
        }
        if (recruits.countByCohortIdAndStatus(cohortId, RecruitStatus.ENROLLED) >= cohort.getCapacity()) {
            throw new ConflictException(Text.of("problem.cohortFull", cohort.getName(), cohort.getCapacity()));
        }
        return start(cohort, officer, "RECRUIT_ENROLLED", "Enrolled in " + cohort.getName());
    }

    private Recruit start(Cohort cohort, Officer officer, String action, String details) {
        Recruit recruit = recruits.saveAndFlush(new Recruit(officer.getId(), cohort.getId(), clock.instant()));
        Set<String> passed = passedModules(officer.getId());
        List<String> remaining = cohortModules(cohort.getId()).stream().filter(code -> !passed.contains(code)).toList();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_OFFICER_ID, officer.getId());
        variables.put(VAR_RECRUIT_ID, recruit.getId());
        variables.put(VAR_MODULES, new ArrayList<>(remaining));
        variables.put(VAR_COHORT_END, graduation(cohort));
        recruit.started(runtime.startProcessInstanceByKey(KEY, recruit.getId().toString(), variables).getId());
        people.changeStatus(officer.getId(), OfficerStatus.IN_ACADEMY, cohort.getName());
        audit.record(RECRUIT, officer.getId(), action, details + (passed.isEmpty() ? "" : "; keeps passed modules " + passed));
        return recruit;
    }

    private Date graduation(Cohort cohort) {
        return Date.from(ZonedDateTime.of(cohort.getEndDate(), settings.graduationTime(), clock.getZone()).toInstant());
    }

    /** The modules a cohort teaches, in schedule order. */
    List<String> cohortModules(Long cohortId) {
        return sessions.findByCohortIdOrderByWeekAscModuleCodeAsc(cohortId).stream().map(CohortSession::getModuleCode)
                .distinct().toList();
    }

    private Set<String> passedModules(Long officerId) {
        Set<String> passed = new HashSet<>();
        results.findByOfficerIdOrderByRecordedAt(officerId).stream().filter(ModuleResult::isPassed)
                .forEach(r -> passed.add(r.getModuleCode()));
        return passed;
    }

    /** To a later cohort, keeping every module already passed. */
    @Transactional
    public Recruit moveToCohort(Long officerId, Requests.Move move) {
        Recruit current = enrolled(officerId);
        Cohort from = cohort(current.getCohortId());
        Cohort to = cohort(move.cohortId());
        if (!to.getStartDate().isAfter(from.getStartDate())) {
            throw new InvalidInputException("cohortId", Text.of("invalid.cohortStartsAfter", from.getName()));
        }
        if (recruits.countByCohortIdAndStatus(to.getId(), RecruitStatus.ENROLLED) >= to.getCapacity()) {
            throw new ConflictException(Text.of("problem.cohortFull", to.getName(), to.getCapacity()));
        }
        current.end(RecruitStatus.MOVED, move.reason(), clock.instant());
        recruits.flush();
        runtime.createMessageCorrelation(MESSAGE_MOVED).processInstanceBusinessKey(current.getId().toString()).correlate();
        return start(to, people.officer(officerId), "RECRUIT_MOVED", "Moved from " + from.getName() + " to "
                + to.getName() + ": " + move.reason());
    }

    @Transactional
    public void withdraw(Long officerId, Requests.Withdrawal withdrawal) {
        Recruit recruit = enrolled(officerId);
        recruit.end(RecruitStatus.WITHDRAWN, withdrawal.reason(), clock.instant());
        runtime.createMessageCorrelation(MESSAGE_WITHDREW).processInstanceBusinessKey(recruit.getId().toString()).correlate();
        people.changeStatus(officerId, OfficerStatus.WITHDRAWN, withdrawal.reason());
        audit.record(RECRUIT, officerId, "RECRUIT_WITHDREW", withdrawal.reason());
        tell(people.officer(officerId), "withdrew from the academy", withdrawal.reason());
    }

    // ---- results ----------------------------------------------------------------------------

    /**
     * Records one result. The same result posted again returns the attempt already recorded; a
     * module without an open result step is a conflict.
     */
    @Transactional
    public ModuleResult recordResult(Long officerId, String moduleCode, ResultEntry entry) {
        Recruit recruit = enrolled(officerId);
        TrainingModule module = module(moduleCode);
        validate(module, entry, "");
        return record(recruit, module, entry).result();
    }

    private record Recorded(ModuleResult result, boolean created) {
    }

    private Recorded record(Recruit recruit, TrainingModule module, ResultEntry entry) {
        return record(recruit, module, entry, openTask(recruit, module.getCode(), TASK_RECORD_RESULT, TASK_RECORD_RETAKE),
                results.findByOfficerIdAndModuleCodeOrderByAttempt(recruit.getOfficerId(), module.getCode()));
    }

    private Recorded record(Recruit recruit, TrainingModule module, ResultEntry entry, Optional<Task> task,
                            List<ModuleResult> attempts) {
        if (task.isEmpty()) {
            if (!attempts.isEmpty() && attempts.get(attempts.size() - 1).sameAs(entry)) {
                return new Recorded(attempts.get(attempts.size() - 1), false);
            }
            throw new ConflictException(noResultOpen(recruit, module, attempts), Map.of("module", module.getCode()));
        }
        boolean retake = task.get().getTaskDefinitionKey().equals(TASK_RECORD_RETAKE);
        // a recruit moved from an earlier cohort may have failed this module there once already:
        // then this first attempt in the new cohort is their retake
        int attempt = attempts.size() + 1;
        boolean passed = module.passes(entry.score(), entry.practicalPassed()) && attended(module, entry);
        ModuleResult result = results.save(new ModuleResult(recruit.getOfficerId(), recruit.getCohortId(), module,
                attempt, entry, passed, AuditTrail.currentActor(), clock.instant()));
        audit.record(RECRUIT, recruit.getOfficerId(), passed ? "MODULE_PASSED" : "MODULE_FAILED",
                module.getTitle() + (attempt > 1 ? " (retake)" : "") + ": score " + entry.score() + ", "
                        + entry.hoursAttended() + " of " + module.getHours() + " h, " + entry.instructor());
        if (!passed && !retake && attempt >= 2) {
            tasks.handleBpmnError(task.get().getId(), ERROR_FAILED_TWICE, "Failed " + module.getTitle() + " twice");
        } else {
            tasks.complete(task.get().getId(), Map.of(retake ? VAR_RETAKE_PASSED : VAR_PASSED, passed));
        }
        return new Recorded(result, true);
    }

    private Text noResultOpen(Recruit recruit, TrainingModule module, List<ModuleResult> attempts) {
        if (!cohortModules(recruit.getCohortId()).contains(module.getCode())) {
            return Text.of("problem.moduleNotInCohort", module.getTitle());
        }
        if (attempts.stream().anyMatch(ModuleResult::isPassed)) {
            return Text.of("problem.modulePassedAlready", module.getTitle());
        }
        if (openTask(recruit, module.getCode(), TASK_PLAN_REMEDIATION).isPresent()) {
            return Text.of("problem.planRemediationFirst", module.getTitle());
        }
        return Text.of("problem.noResultOpen", module.getTitle());
    }

    private boolean attended(TrainingModule module, ResultEntry entry) {
        return entry.hoursAttended().doubleValue() * 100 >= module.getHours() * (double) settings.minimumAttendancePercent();
    }

    private void validate(TrainingModule module, ResultEntry entry, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (module.isPracticalRequired() && entry.practicalPassed() == null) {
            errors.add(new FieldError(prefix + "practicalPassed", Text.of("invalid.practicalRequired", module.getTitle())));
        }
        if (entry.assessedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError(prefix + "assessedOn", Text.of("invalid.notInFuture")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    @Transactional
    public Remediation planRemediation(Long officerId, String moduleCode, Requests.RemediationPlan plan) {
        Recruit recruit = enrolled(officerId);
        TrainingModule module = module(moduleCode);
        Task task = openTask(recruit, moduleCode, TASK_PLAN_REMEDIATION).orElseThrow(() -> new ConflictException(
                Text.of("problem.noRemediationDue", module.getTitle()), Map.of("module", moduleCode)));
        if (plan.dueDate().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueDate", Text.of("invalid.notInPast"));
        }
        Remediation remediation = remediations.save(new Remediation(officerId, moduleCode, plan.plan(), plan.dueDate(),
                AuditTrail.currentActor(), clock.instant()));
        audit.record(RECRUIT, officerId, "REMEDIATION_PLANNED", module.getTitle() + " by " + plan.dueDate() + ": " + plan.plan());
        tasks.complete(task.getId());
        return remediation;
    }

    /**
     * A whole module's results for a cohort. Every row is checked first and every bad row is
     * reported (field names {@code rows[i].x}); only when all are good is anything saved.
     */
    @Transactional
    public Requests.BulkOutcome recordResults(Long cohortId, Requests.BulkResults bulk) {
        Cohort cohort = cohort(cohortId);
        TrainingModule module = modules.findFirstByCodeOrderByVersionDesc(bulk.moduleCode())
                .orElseThrow(() -> new InvalidInputException("moduleCode", Text.of("invalid.moduleUnknown")));
        Map<Long, Recruit> enrolled = new HashMap<>();
        recruits.findByCohortIdAndStatusIn(cohortId, Set.of(RecruitStatus.ENROLLED)).forEach(r -> enrolled.put(r.getOfficerId(), r));
        // the whole cohort's open steps and earlier attempts in two queries, not two per row
        Map<Long, Optional<Task>> open = openTasks(enrolled.values(), module);
        Map<Long, List<ModuleResult>> attempts = new HashMap<>();
        results.findByOfficerIdInAndModuleCodeOrderByAttempt(enrolled.keySet(), module.getCode())
                .forEach(r -> attempts.computeIfAbsent(r.getOfficerId(), k -> new ArrayList<>()).add(r));
        List<FieldError> errors = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        List<Recruit> targets = new ArrayList<>();
        for (int i = 0; i < bulk.rows().size(); i++) {
            Requests.BulkRow row = bulk.rows().get(i);
            String at = "rows[" + i + "].";
            for (ConstraintViolation<Requests.BulkRow> v : validator.validate(row)) {
                errors.add(new FieldError(at + v.getPropertyPath(), Text.verbatim(v.getMessage())));
            }
            Long officerId = row.officerId() != null && enrolled.containsKey(row.officerId()) ? row.officerId() : officerOf(row);
            if (officerId == null) {
                errors.add(new FieldError(at + "officerId", Text.of("invalid.officerUnknownGiveId")));
                targets.add(null);
                continue;
            }
            Integer first = seen.putIfAbsent(officerId, i);
            if (first != null) {
                errors.add(new FieldError(at + "officerId", Text.of("invalid.duplicateRow", first)));
            }
            Recruit recruit = enrolled.get(officerId);
            if (recruit == null) {
                errors.add(new FieldError(at + "officerId", Text.of("invalid.notEnrolledIn", cohort.getName())));
            } else if (errors.stream().noneMatch(e -> e.field().startsWith(at))) {
                try {
                    validate(module, row.entry(), at);
                    checkOpen(recruit, module, row.entry(), at, open.get(officerId),
                            attempts.getOrDefault(officerId, List.of()));
                } catch (InvalidInputException e) {
                    errors.addAll(e.errors());
                }
            }
            targets.add(recruit);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // one engine command for all rows: the tasks read below stay in the engine's cache and every
        // completion is flushed in JDBC batches at the end, not one flush per row
        return engineBatch.run(() -> {
            Map<Long, Optional<Task>> cached = openTasks(enrolled.values(), module);
            int recorded = 0;
            int unchanged = 0;
            int passed = 0;
            for (int i = 0; i < targets.size(); i++) {
                Recruit recruit = targets.get(i);
                Recorded outcome = record(recruit, module, bulk.rows().get(i).entry(), cached.get(recruit.getOfficerId()),
                        attempts.getOrDefault(recruit.getOfficerId(), List.of()));
                if (outcome.created()) {
                    recorded++;
                } else {
                    unchanged++;
                }
                passed += outcome.result().isPassed() ? 1 : 0;
            }
            return new Requests.BulkOutcome(recorded, unchanged, passed, recorded + unchanged - passed);
        });
    }

    private void checkOpen(Recruit recruit, TrainingModule module, ResultEntry entry, String at, Optional<Task> task,
                           List<ModuleResult> attempts) {
        if (task.isPresent()) {
            return;
        }
        if (attempts.isEmpty() || !attempts.get(attempts.size() - 1).sameAs(entry)) {
            throw new InvalidInputException(at + "officerId", noResultOpen(recruit, module, attempts));
        }
    }

    private Long officerOf(Requests.BulkRow row) {
        if (row.officerId() != null) {
            return people.findOfficer(row.officerId()).map(Officer::getId).orElse(null);
        }
        return row.employeeNumber() == null ? null
                : people.findOfficerByEmployeeNumber(row.employeeNumber().strip()).map(Officer::getId).orElse(null);
    }

    // ---- called by the engine ---------------------------------------------------------------

    /** A module failed twice: the academy ends for this recruit; HR and the supervisor are told. */
    @Transactional
    public void dismiss(Long recruitId) {
        Recruit recruit = recruits.findById(recruitId).orElseThrow();
        if (recruit.getStatus() == RecruitStatus.DISMISSED) {
            return;
        }
        recruit.end(RecruitStatus.DISMISSED, "Failed a module twice", clock.instant());
        people.changeStatus(recruit.getOfficerId(), OfficerStatus.DISMISSED, "failed a module twice");
        audit.record(AuditTrail.SYSTEM, RECRUIT, recruit.getOfficerId(), "RECRUIT_DISMISSED",
                "Failed a module twice; HR and the supervisor were notified");
        tell(people.officer(recruit.getOfficerId()), "was dismissed from the academy", "Failed a module twice.");
    }

    /** Every module passed and the cohort has ended: hand over to certification. */
    @Transactional
    public AcademyCompleted complete(Long recruitId) {
        Recruit recruit = recruits.findById(recruitId).orElseThrow();
        Cohort cohort = cohort(recruit.getCohortId());
        Map<Long, TrainingModule> versions = new HashMap<>();
        modules.findAll().forEach(m -> versions.put(m.getId(), m));
        List<AcademyCompleted.CompletedModule> passed = results.findByOfficerIdOrderByRecordedAt(recruit.getOfficerId())
                .stream().filter(ModuleResult::isPassed)
                .map(r -> new AcademyCompleted.CompletedModule(r.getModuleCode(), versions.get(r.getModuleId()).getTitle(),
                        versions.get(r.getModuleId()).getHours(), r.getScore()))
                .toList();
        if (recruit.getStatus() != RecruitStatus.COMPLETED) {
            recruit.end(RecruitStatus.COMPLETED, null, clock.instant());
            audit.record(AuditTrail.SYSTEM, RECRUIT, recruit.getOfficerId(), "ACADEMY_COMPLETED",
                    cohort.getName() + ": " + passed.size() + " modules passed");
        }
        AcademyCompleted completed = new AcademyCompleted(recruit.getOfficerId(), cohort.getId(), cohort.getName(),
                cohort.getEndDate(), passed);
        events.publishEvent(completed);
        return completed;
    }

    // ---- reading ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<Recruit> currentEnrollment(Long officerId) {
        return recruits.findFirstByOfficerIdOrderByEnrolledAtDesc(officerId);
    }

    @Transactional(readOnly = true)
    public List<Recruit> enrollments(Long officerId) {
        return recruits.findByOfficerIdOrderByEnrolledAt(officerId);
    }

    @Transactional(readOnly = true)
    public List<ModuleResult> results(Long officerId) {
        return results.findByOfficerIdOrderByRecordedAt(officerId);
    }

    @Transactional(readOnly = true)
    public List<Remediation> remediations(Long officerId) {
        return remediations.findByOfficerIdOrderByCreatedAt(officerId);
    }

    /** The open steps of a recruit: module code → task definition key. */
    @Transactional(readOnly = true)
    public Map<String, String> openSteps(Long officerId) {
        Map<String, String> open = new HashMap<>();
        recruits.findFirstByOfficerIdOrderByEnrolledAtDesc(officerId).filter(r -> r.getStatus() == RecruitStatus.ENROLLED)
                .ifPresent(r -> tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(r.getId().toString()).list()
                        .forEach(t -> open.put((String) tasks.getVariableLocal(t.getId(), VAR_MODULE_CODE), t.getTaskDefinitionKey())));
        return open;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Recruit enrolled(Long officerId) {
        people.officer(officerId);
        return recruits.lockEnrolled(officerId).orElseThrow(() -> new ConflictException(
                Text.of("problem.notEnrolled"), Map.of("officerId", officerId)));
    }

    /** Each recruit's open "record result" or "record retake" step for the module, by officer id. */
    private Map<Long, Optional<Task>> openTasks(java.util.Collection<Recruit> recruits, TrainingModule module) {
        Map<String, Long> officerByInstance = new HashMap<>();
        Map<Long, Optional<Task>> open = new HashMap<>();
        for (Recruit recruit : recruits) {
            open.put(recruit.getOfficerId(), Optional.empty());
            if (recruit.getProcessInstanceId() == null) {
                open.put(recruit.getOfficerId(), openTask(recruit, module.getCode(), TASK_RECORD_RESULT, TASK_RECORD_RETAKE));
            } else {
                officerByInstance.put(recruit.getProcessInstanceId(), recruit.getOfficerId());
            }
        }
        if (!officerByInstance.isEmpty()) {
            tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceIdIn(officerByInstance.keySet().toArray(String[]::new))
                    .taskDefinitionKeyIn(TASK_RECORD_RESULT, TASK_RECORD_RETAKE)
                    .taskVariableValueEquals(VAR_MODULE_CODE, module.getCode()).list()
                    .forEach(t -> open.put(officerByInstance.get(t.getProcessInstanceId()), Optional.of(t)));
        }
        return open;
    }

    private Optional<Task> openTask(Recruit recruit, String moduleCode, String... keys) {
        return tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(recruit.getId().toString())
                .taskDefinitionKeyIn(keys).taskVariableValueEquals(VAR_MODULE_CODE, moduleCode).list().stream().findFirst();
    }

    private void tell(Officer officer, String what, String why) {
        String title = officer.getFullName() + " " + what;
        String link = "/academy/recruits/" + officer.getId();
        notifications.notifyRole(Role.HR, title, why, link);
        notifications.notifyUser(officer.getSupervisor(), title, why, link);
    }
}
