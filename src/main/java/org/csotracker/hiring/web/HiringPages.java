package org.csotracker.hiring.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.csotracker.audit.AuditTrail;
import org.csotracker.common.FormBinder;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Candidate;
import org.csotracker.hiring.CohortDirectory;
import org.csotracker.hiring.Education;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.HiringProcess;
import org.csotracker.hiring.HiringReports;
import org.csotracker.hiring.HiringStage;
import org.csotracker.hiring.InterviewRecommendation;
import org.csotracker.hiring.NewApplication;
import org.csotracker.hiring.ObjectionDecision;
import org.csotracker.hiring.OfferTerms;
import org.csotracker.hiring.RejectionReason;
import org.csotracker.hiring.Steps;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.workflow.ProcessDiagrams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** HR's pages: the pipeline board, candidate lists, a candidate with its open step, tasks, funnel. */
@Controller
class HiringPages {

    private static final int PAGE_SIZE = 25;

    private final Hiring hiring;
    private final HiringReports reports;
    private final AuditTrail audit;
    private final FormBinder forms;
    private final People people;
    private final DepartmentSettings department;
    private final ProcessDiagrams diagrams;
    private final ObjectProvider<CohortDirectory> cohorts;
    private final org.springframework.context.MessageSource messages;
    private final BoardColumns boardColumns;

    HiringPages(Hiring hiring, HiringReports reports, AuditTrail audit, FormBinder forms, People people,
                DepartmentSettings department, ProcessDiagrams diagrams, ObjectProvider<CohortDirectory> cohorts,
                org.springframework.context.MessageSource messages, BoardColumns boardColumns) {
        this.messages = messages;
        this.boardColumns = boardColumns;
        this.hiring = hiring;
        this.reports = reports;
        this.audit = audit;
        this.forms = forms;
        this.people = people;
        this.department = department;
        this.diagrams = diagrams;
        this.cohorts = cohorts;
    }

    /** A text of messages.properties in the language of the page. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @GetMapping("/hiring")
    String board(@RequestParam(required = false) String q, @RequestParam(required = false) String district, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        HiringReports.Board board = reports.board(q, district);
        model.addAttribute("board", board);
        model.addAttribute("boardColumns", boardColumns.html(board, request, response));
        model.addAttribute("districts", department.districts());
        return "hiring/board";
    }

    @GetMapping("/hiring/candidates")
    String list(@RequestParam(required = false) HiringStage stage, @RequestParam(required = false) String q,
                @RequestParam(required = false) String district, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Set<HiringStage> stages = stage == null ? EnumSet.allOf(HiringStage.class) : Set.of(stage);
        model.addAttribute("candidates", reports.search(stages, q, district,
                PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by(Sort.Direction.ASC, "stageEnteredAt"))));
        model.addAttribute("stage", stage);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("stages", HiringStage.values());
        model.addAttribute("districts", department.districts());
        return "hiring/candidates";
    }

    @GetMapping("/hiring/candidates/new")
    String newApplication(Model model) {
        return applicationForm(model, Map.of(), Map.of());
    }

    @PostMapping("/hiring/candidates/new")
    String enterApplication(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormBinder.Bound<NewApplication> bound = forms.bind(form, NewApplication.class);
        Map<String, String> errors = new HashMap<>(bound.errors());
        if (bound.valid()) {
            try {
                Candidate candidate = hiring.apply(bound.value(), ApplicationSource.HR);
                redirect.addFlashAttribute("saved", text("hiring.saved.entered", candidate.getFullName()));
                return "redirect:/hiring/candidates/" + candidate.getId();
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        return applicationForm(model, form, errors);
    }

    private String applicationForm(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("educations", Education.values());
        model.addAttribute("districts", department.districts());
        return "hiring/new";
    }

    @GetMapping("/hiring/candidates/{id}")
    String candidate(@PathVariable Long id, Model model) {
        return candidatePage(hiring.candidate(id), model, Map.of(), Map.of());
    }

    @PostMapping("/hiring/candidates/{id}/{step}")
    String step(@PathVariable Long id, @PathVariable String step, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        Map<String, String> errors = new HashMap<>();
        try {
            Object body = switch (step) {
                case "screening" -> bindAnd(form, Steps.Screening.class, errors, b -> hiring.screen(id, b));
                case "background-check" -> bindAnd(form, Steps.BackgroundCheck.class, errors, b -> hiring.recordBackgroundCheck(id, b));
                case "interview" -> bindAnd(form, Steps.Interview.class, errors, b -> hiring.recordInterview(id, b));
                case "union-vetting" -> bindAnd(form, Steps.UnionVetting.class, errors, b -> hiring.recordUnionVetting(id, b));
                case "union-objection" -> bindAnd(form, Steps.ObjectionResolution.class, errors, b -> hiring.resolveUnionObjection(id, b));
                case "offer" -> bindAnd(form, OfferTerms.class, errors, b -> hiring.extendOffer(id, b));
                case "offer-response" -> bindAnd(form, Steps.OfferResponse.class, errors, b -> hiring.recordOfferResponse(id, b));
                case "withdrawal" -> bindAnd(form, Steps.Withdrawal.class, errors, b -> hiring.withdraw(id, b));
                default -> throw new org.csotracker.common.NotFoundException(org.csotracker.common.Text.of("problem.noStep", step));
            };
            if (body != null && errors.isEmpty()) {
                redirect.addFlashAttribute("saved", text("hiring.saved.step"));
                return "redirect:/hiring/candidates/" + id;
            }
        } catch (RuntimeException e) {
            forms.addTo(errors, e);
        }
        model.addAttribute("failedStep", step);
        return candidatePage(hiring.candidate(id), model, form, errors);
    }

    private <T> T bindAnd(Map<String, String> form, Class<T> type, Map<String, String> errors,
                          java.util.function.Consumer<T> action) {
        FormBinder.Bound<T> bound = forms.bind(form, type);
        if (!bound.valid()) {
            errors.putAll(bound.errors());
            return null;
        }
        action.accept(bound.value());
        return bound.value();
    }

    private String candidatePage(Candidate candidate, Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("c", candidate);
        model.addAttribute("history", audit.historyOf("Candidate", candidate.getId()));
        model.addAttribute("progress", diagrams.progress(HiringProcess.KEY, candidate.getProcessInstanceId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", RejectionReason.values());
        model.addAttribute("recommendations", InterviewRecommendation.values());
        model.addAttribute("objectionDecisions", ObjectionDecision.values());
        model.addAttribute("districts", department.districts());
        model.addAttribute("union", department.union());
        model.addAttribute("supervisors", people.usernamesWithRole(Role.SUPERVISOR));
        model.addAttribute("shiftPatterns", ShiftPattern.values());
        model.addAttribute("components", ProgramComponent.values());
        CohortDirectory directory = cohorts.getIfAvailable();
        model.addAttribute("cohorts", directory == null ? List.of() : directory.openCohorts());
        model.addAttribute("login", candidate.getOfficerId() == null ? null
                : people.officerLogin(candidate.getOfficerId()).orElse(null));
        model.addAttribute("publicBaseUrl", department.publicBaseUrl());
        return "hiring/candidate";
    }

    @GetMapping("/hiring/tasks")
    String tasks(Model model) {
        model.addAttribute("tasks", reports.openTasks(200));
        return "hiring/tasks";
    }

    @GetMapping("/hiring/funnel")
    String funnel(Model model) {
        List<HiringReports.FunnelStage> funnel = reports.funnel();
        model.addAttribute("funnel", funnel);
        model.addAttribute("max", funnel.stream().mapToLong(HiringReports.FunnelStage::reached).max().orElse(0));
        return "hiring/funnel";
    }
}
