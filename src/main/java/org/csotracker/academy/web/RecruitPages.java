package org.csotracker.academy.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyProcess;
import org.csotracker.academy.AcademyReports;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.ModuleResult;
import org.csotracker.academy.Recruit;
import org.csotracker.academy.RecruitStatus;
import org.csotracker.academy.Requests;
import org.csotracker.academy.ResultEntry;
import org.csotracker.academy.TrainingModule;
import org.csotracker.common.FormBinder;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.people.Officer;
import org.csotracker.security.OfficerAccess;
import org.csotracker.workflow.ProcessDiagrams;
import org.csotracker.workflow.ProcessProgress;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A recruit's academy page: transcript, enrollments, remediation plans, the BPMN diagram, and the
 * coordinator's forms for the open steps, a move to a later cohort and a withdrawal. Who may see
 * the officer is checked per record ({@link OfficerAccess}): a supervisor sees only their unit.
 */
@Controller
class RecruitPages {

    private static final List<String> ACTIONS = List.of("result", "remediation", "move", "withdrawal");

    private final Academy academy;
    private final AcademyReports reports;
    private final FormBinder forms;
    private final OfficerAccess access;
    private final ProcessDiagrams diagrams;
    private final Clock clock;

    RecruitPages(Academy academy, AcademyReports reports, FormBinder forms, OfficerAccess access,
                 ProcessDiagrams diagrams, Clock clock) {
        this.academy = academy;
        this.reports = reports;
        this.forms = forms;
        this.access = access;
        this.diagrams = diagrams;
        this.clock = clock;
    }

    /** A module with an open step for this recruit. */
    public record OpenModule(String code, String title, boolean retake, boolean practicalRequired, int hours,
                             int passingScore) {
    }

    public record EnrollmentLine(Long cohortId, String cohortName, LocalDate startDate, LocalDate endDate,
                                 RecruitStatus status, Instant enrolledAt, Instant endedAt, String endReason) {
    }

    @GetMapping("/academy/recruits/{officerId}")
    String recruit(@PathVariable Long officerId, Model model) {
        return recruitPage(access.requireVisible(officerId), model, Map.of());
    }

    @PostMapping("/academy/recruits/{officerId}/{action}")
    String act(@PathVariable Long officerId, @PathVariable String action, @RequestParam Map<String, String> form,
               Model model, RedirectAttributes redirect) {
        Officer officer = access.requireVisible(officerId);
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException(Text.of("problem.noAction", action));
        }
        String moduleCode = form.getOrDefault("moduleCode", "").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        String[] saved = new String[1];
        String formKey = action.equals("remediation") ? "remediation-" + moduleCode : action;
        try {
            switch (action) {
                case "result" -> {
                    requireModule(moduleCode, errors);
                    bindAnd(form, ResultEntry.class, errors, entry -> {
                        ModuleResult result = academy.recordResult(officerId, moduleCode, entry);
                        saved[0] = forms.say(Text.of("academy.saved." + (result.getAttempt() == 2 ? "retake" : "result") + "."
                                + (result.isPassed() ? "passed" : "failed"), academy.module(moduleCode).getTitle(), result.getScore()));
                    });
                }
                case "remediation" -> {
                    requireModule(moduleCode, errors);
                    bindAnd(form, Requests.RemediationPlan.class, errors, plan -> {
                        academy.planRemediation(officerId, moduleCode, plan);
                        saved[0] = forms.say(Text.of("academy.saved.remediation", academy.module(moduleCode).getTitle(),
                                plan.dueDate()));
                    });
                }
                case "move" -> bindAnd(form, Requests.Move.class, errors, move -> {
                    academy.moveToCohort(officerId, move);
                    saved[0] = forms.say(Text.of("academy.saved.moved", officer.getFullName(),
                            academy.cohort(move.cohortId()).getName()));
                });
                default -> bindAnd(form, Requests.Withdrawal.class, errors, withdrawal -> {
                    academy.withdraw(officerId, withdrawal);
                    saved[0] = forms.say(Text.of("academy.saved.withdrew", officer.getFullName()));
                });
            }
        } catch (NotFoundException e) {
            // the officer was found above: what is missing is the module or cohort the form named
            errors.put(action.equals("move") ? "cohortId" : "moduleCode",
                    action.equals("move") ? "is not a known cohort" : "is not a module in the catalog");
        } catch (RuntimeException e) {
            forms.addTo(errors, e);
        }
        if (saved[0] != null && errors.isEmpty()) {
            redirect.addFlashAttribute("saved", saved[0]);
            return "redirect:/academy/recruits/" + officerId;
        }
        return recruitPage(officer, model, Map.of(formKey, new FormState(form, errors)));
    }

    private static void requireModule(String moduleCode, Map<String, String> errors) {
        if (moduleCode.isEmpty()) {
            errors.put("moduleCode", "is required");
        }
    }

    private <T> void bindAnd(Map<String, String> form, Class<T> type, Map<String, String> errors, Consumer<T> action) {
        FormBinder.Bound<T> bound = forms.bind(form, type);
        errors.putAll(bound.errors());
        if (errors.isEmpty()) {
            action.accept(bound.value());
        }
    }

    private String recruitPage(Officer officer, Model model, Map<String, FormState> failed) {
        Long officerId = officer.getId();
        AcademyReports.Transcript transcript = reports.transcript(officerId);
        Map<String, TrainingModule> catalog = new LinkedHashMap<>();
        academy.currentModules().forEach(m -> catalog.put(m.getCode(), m));

        List<EnrollmentLine> enrollments = new ArrayList<>();
        for (Recruit r : transcript.enrollments()) {
            Cohort c = academy.cohort(r.getCohortId());
            enrollments.add(new EnrollmentLine(c.getId(), c.getName(), c.getStartDate(), c.getEndDate(), r.getStatus(),
                    r.getEnrolledAt(), r.getEndedAt(), r.getEndReason()));
        }
        Optional<Recruit> latest = academy.currentEnrollment(officerId);
        Recruit current = latest.filter(r -> r.getStatus() == RecruitStatus.ENROLLED).orElse(null);
        Cohort currentCohort = current == null ? null : academy.cohort(current.getCohortId());

        List<OpenModule> results = new ArrayList<>();
        List<OpenModule> remediations = new ArrayList<>();
        transcript.openSteps().forEach((code, task) -> {
            TrainingModule m = catalog.get(code);
            if (m == null) {
                return;
            }
            OpenModule open = new OpenModule(code, m.getTitle(), task.equals(AcademyProcess.TASK_RECORD_RETAKE),
                    m.isPracticalRequired(), m.getHours(), m.getPassingScore());
            (task.equals(AcademyProcess.TASK_PLAN_REMEDIATION) ? remediations : results).add(open);
        });
        Comparator<OpenModule> curriculum = Comparator.comparingInt(o -> catalog.get(o.code()).getWeekFrom());
        results.sort(curriculum.thenComparing(OpenModule::code));
        remediations.sort(curriculum.thenComparing(OpenModule::code));

        List<Cohort> moveTargets = currentCohort == null ? List.of() : academy.openCohorts().stream()
                .filter(c -> c.getStartDate().isAfter(currentCohort.getStartDate())).toList();

        LocalDate today = LocalDate.now(clock);
        Map<String, FormState> formStates = new HashMap<>();
        formStates.put("result", FormState.of(Map.of("assessedOn", today.toString())));
        remediations.forEach(m -> formStates.put("remediation-" + m.code(),
                FormState.of(Map.of("moduleCode", m.code(), "dueDate", today.plusWeeks(1).toString()))));
        formStates.put("move", FormState.EMPTY);
        formStates.put("withdrawal", FormState.EMPTY);
        formStates.putAll(failed);
        // a form that is no longer shown (the step closed meanwhile) reports its error at the top
        List<String> shown = new ArrayList<>();
        if (current != null) {
            shown.add("withdrawal");
            if (!moveTargets.isEmpty()) {
                shown.add("move");
            }
            if (!results.isEmpty()) {
                shown.add("result");
            }
            remediations.forEach(m -> shown.add("remediation-" + m.code()));
        }
        String pageError = failed.entrySet().stream().filter(f -> !shown.contains(f.getKey()))
                .flatMap(f -> f.getValue().errors().entrySet().stream())
                .map(e -> e.getKey().equals("form") ? e.getValue() : e.getKey() + " " + e.getValue())
                .findFirst().orElse(null);

        Map<String, String> titles = new HashMap<>();
        catalog.forEach((code, m) -> titles.put(code, m.getTitle()));
        model.addAttribute("officer", officer);
        model.addAttribute("t", transcript);
        model.addAttribute("status", officer.getStatus().name().charAt(0)
                + officer.getStatus().name().substring(1).toLowerCase().replace('_', ' '));
        model.addAttribute("enrollments", enrollments);
        model.addAttribute("current", current);
        model.addAttribute("currentCohort", currentCohort);
        model.addAttribute("progress", steps(diagrams.progress(AcademyProcess.KEY,
                latest.map(Recruit::getProcessInstanceId).orElse(null))));
        model.addAttribute("resultModules", results);
        model.addAttribute("remediationModules", remediations);
        model.addAttribute("moveTargets", moveTargets);
        model.addAttribute("titles", titles);
        model.addAttribute("forms", formStates);
        model.addAttribute("pageError", pageError);
        return "academy/recruit";
    }

    /**
     * The steps to mark as current: the open tasks and events, not the module sub-process around
     * them (marking it would paint the whole box).
     */
    private static ProcessProgress steps(ProcessProgress progress) {
        List<String> leaves = progress.active().stream()
                .filter(id -> !id.contains("#") && !id.startsWith("SubProcess_")).toList();
        return leaves.isEmpty() ? progress
                : new ProcessProgress(progress.processKey(), progress.processInstanceId(), leaves, progress.done());
    }
}
