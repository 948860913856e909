package org.csotracker.academy.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyReports;
import org.csotracker.academy.AcademyReports.CellState;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.CohortSession;
import org.csotracker.academy.RecruitStatus;
import org.csotracker.academy.Requests;
import org.csotracker.academy.TrainingModule;
import org.csotracker.common.FormBinder;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.InvalidInputException.FieldError;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's academy pages: the cohort list, and a cohort with its schedule, the grid of
 * recruits × modules, bulk entry of a module's results (a form or a CSV file) and enrollment.
 */
@Controller
class AcademyPages {

    private static final int WAITING_LIMIT = 200;
    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.(.+)");
    private static final List<String> COMMON_FIELDS = List.of("instructor", "assessedOn");

    private final Academy academy;
    private final AcademyReports reports;
    private final FormBinder forms;
    private final People people;
    private final ResultsCsv csv;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    AcademyPages(Academy academy, AcademyReports reports, FormBinder forms, People people, ResultsCsv csv, Clock clock,
                 org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.academy = academy;
        this.reports = reports;
        this.forms = forms;
        this.people = people;
        this.csv = csv;
        this.clock = clock;
    }

    // ---- the cohort list --------------------------------------------------------------------

    /** A line of the cohort list. {@code percent} is the share of places taken. */
    public record CohortRow(Cohort cohort, String status, boolean running, long enrolled, long completed,
                            long dismissed, long withdrawn, int percent) {
    }

    @GetMapping("/academy")
    String cohorts(Model model) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("capacity", "30");
        CurrentUser.get().filter(u -> u.hasRole(Role.COORDINATOR)).ifPresent(u -> defaults.put("coordinator", u.getUsername()));
        return cohortsPage(model, defaults, Map.of());
    }

    @PostMapping("/academy/cohorts")
    String createCohort(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormBinder.Bound<Requests.NewCohort> bound = forms.bind(form, Requests.NewCohort.class);
        Map<String, String> errors = new LinkedHashMap<>(bound.errors());
        if (bound.valid()) {
            try {
                Cohort cohort = academy.createCohort(bound.value());
                redirect.addFlashAttribute("saved", forms.say(Text.of("academy.saved.cohortCreated", cohort.getName(),
                        cohort.getStartDate(), cohort.getEndDate())));
                return "redirect:/academy/cohorts/" + cohort.getId();
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        return cohortsPage(model, form, errors);
    }

    private String cohortsPage(Model model, Map<String, String> form, Map<String, String> errors) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("cohorts", reports.cohortSummaries().stream().map(s -> {
            Cohort c = s.cohort();
            long enrolled = s.count(RecruitStatus.ENROLLED);
            long completed = s.count(RecruitStatus.COMPLETED);
            int week = c.weekOf(today);
            return new CohortRow(c, statusText(c, today), week >= 1 && week <= Cohort.WEEKS, enrolled, completed,
                    s.count(RecruitStatus.DISMISSED), s.count(RecruitStatus.WITHDRAWN),
                    (int) Math.min(100, (enrolled + completed) * 100 / Math.max(1, c.getCapacity())));
        }).toList());
        model.addAttribute("waiting", people.officersWithStatus(OfficerStatus.HIRED, WAITING_LIMIT));
        model.addAttribute("coordinators", people.usernamesWithRole(Role.COORDINATOR));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "academy/cohorts";
    }

    /** A grid cell in words (never colour alone), e.g. "Passed · 92". */
    private String cellText(AcademyReports.Cell cell) {
        return forms.say(Text.of("academy.cell." + cell.state().name())) + (cell.score() == null ? "" : " · " + cell.score());
    }

    /** Where a cohort stands today, in the language of the page. */
    private String statusText(Cohort cohort, LocalDate today) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        int week = cohort.weekOf(today);
        if (week == 0) {
            long days = ChronoUnit.DAYS.between(today, cohort.getStartDate());
            return days == 1 ? messages.getMessage("academy.status.tomorrow", null, locale)
                    : messages.getMessage("academy.status.startsIn", new Object[] {String.valueOf(days)}, locale);
        }
        if (week > Cohort.WEEKS) {
            return messages.getMessage("academy.status.ended", null, locale);
        }
        return messages.getMessage("academy.status.week", new Object[] {String.valueOf(week), String.valueOf(Cohort.WEEKS)},
                locale);
    }

    // ---- one cohort -------------------------------------------------------------------------

    /** A week of the schedule with its dates and sessions; {@code current} marks this week. */
    public record Week(int number, LocalDate from, LocalDate to, List<CohortSession> sessions, boolean current) {
    }

    /** A line of the bulk entry form: one enrolled recruit, with inputs when their result is open. */
    public record BulkLine(int index, Long officerId, String name, String employeeNumber, String state, boolean open,
                           boolean retake, FormState row) {
    }

    /** The bulk entry form for one module. */
    public record Bulk(TrainingModule module, List<BulkLine> lines, long open, FormState common) {
    }

    @GetMapping("/academy/cohorts/{id}")
    String cohort(@PathVariable Long id, @RequestParam(required = false) String module, Model model) {
        return cohortPage(id, module, model, Map.of(), Map.of());
    }

    @PostMapping("/academy/cohorts/{id}/recruits")
    String enroll(@PathVariable Long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Cohort cohort = academy.cohort(id);
        FormBinder.Bound<Requests.Enrollment> bound = forms.bind(form, Requests.Enrollment.class);
        Map<String, String> errors = new LinkedHashMap<>(bound.errors());
        if (bound.valid()) {
            try {
                academy.enroll(id, bound.value().officerId());
                Officer officer = people.officer(bound.value().officerId());
                redirect.addFlashAttribute("saved", forms.say(Text.of("academy.saved.enrolled", officer.getFullName(), cohort.getName())));
                return "redirect:/academy/cohorts/" + id;
            } catch (NotFoundException e) {
                errors.put("officerId", forms.say(Text.of("invalid.officerUnknown")));
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        model.addAttribute("enroll", new FormState(form, errors));
        return cohortPage(id, null, model, Map.of(), Map.of());
    }

    /**
     * A whole module's results in one form. Rows without a score stay open; every other row is
     * checked and every bad row is shown with its error; nothing is saved unless all rows are good.
     */
    @PostMapping("/academy/cohorts/{id}/results")
    String recordResults(@PathVariable Long id, @RequestParam Map<String, String> form, Model model,
                         RedirectAttributes redirect) {
        academy.cohort(id);
        String moduleCode = form.getOrDefault("moduleCode", "").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Requests.BulkRow> rows = new ArrayList<>();
        List<Integer> formIndex = new ArrayList<>();
        if (moduleCode.isEmpty()) {
            errors.put("form", forms.say(Text.of("academy.error.chooseModuleFirst")));
        }
        for (int i : rowIndexes(form)) {
            String at = "rows[" + i + "].";
            if (blank(form.get(at + "score")) && blank(form.get(at + "practicalPassed")) && blank(form.get(at + "notes"))) {
                continue; // left open
            }
            Map<String, String> values = new HashMap<>();
            for (String field : List.of("officerId", "score", "hoursAttended", "practicalPassed", "notes")) {
                values.put(field, form.get(at + field));
            }
            COMMON_FIELDS.forEach(field -> values.put(field, form.get(field)));
            FormBinder.Bound<Requests.BulkRow> bound = forms.bind(values, Requests.BulkRow.class);
            if (bound.valid()) {
                rows.add(bound.value());
                formIndex.add(i);
            } else {
                bound.errors().forEach((field, message) -> putRowError(errors, i, field, message));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.put("form", forms.say(Text.of("academy.error.enterAScore")));
        }
        if (errors.isEmpty()) {
            try {
                Requests.BulkOutcome outcome = academy.recordResults(id, new Requests.BulkResults(moduleCode, rows));
                redirect.addFlashAttribute("saved", forms.say(Messages.outcome(academy.module(moduleCode).getTitle(), outcome)));
                redirect.addAttribute("module", moduleCode);
                return "redirect:/academy/cohorts/" + id;
            } catch (InvalidInputException e) {
                for (FieldError error : e.errors()) {
                    Matcher m = ROW_FIELD.matcher(error.field());
                    if (m.matches()) {
                        putRowError(errors, formIndex.get(Integer.parseInt(m.group(1))), m.group(2), forms.say(error.message()));
                    } else {
                        boolean module = error.field().equals("moduleCode");
                        errors.put(module ? "form" : error.field(),
                                forms.say(module ? Text.of("problem.module", error.message()) : error.message()));
                    }
                }
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        return cohortPage(id, moduleCode, model, form, errors);
    }

    private static void putRowError(Map<String, String> errors, int index, String field, String message) {
        if (COMMON_FIELDS.contains(field)) {
            errors.putIfAbsent(field, message);
        } else {
            errors.putIfAbsent("rows[" + index + "]." + field, message);
        }
    }

    /** The indexes of the rows a bulk form holds (each row carries its officer id). */
    private static List<Integer> rowIndexes(Map<String, String> form) {
        TreeMap<Integer, String> rows = new TreeMap<>();
        form.forEach((key, value) -> {
            Matcher m = ROW_FIELD.matcher(key);
            if (m.matches() && m.group(2).equals("officerId") && m.group(1).length() < 6) {
                rows.put(Integer.parseInt(m.group(1)), value);
            }
        });
        return List.copyOf(rows.keySet());
    }

    /** A line of an uploaded CSV file that could not be recorded, and why. */
    public record LineError(String line, String message) {
    }

    /** A module's results as a CSV file; errors name the lines of the file, and then nothing is saved. */
    @PostMapping("/academy/cohorts/{id}/results.csv")
    String uploadResults(@PathVariable Long id, @RequestParam(required = false) String moduleCode,
                         @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        academy.cohort(id);
        Map<String, String> errors = new LinkedHashMap<>();
        List<LineError> lines = new ArrayList<>();
        if (blank(moduleCode)) {
            errors.put("moduleCode", forms.say(Text.of("academy.error.chooseModule")));
        }
        if (file == null || file.isEmpty()) {
            errors.put("file", forms.say(Text.of("academy.error.chooseFile")));
        }
        if (errors.isEmpty()) {
            try {
                Requests.BulkOutcome outcome = csv.record(id, moduleCode.strip(), file);
                redirect.addFlashAttribute("saved", forms.say(Messages.outcome(Text.of("academy.outcome.fromFile",
                        academy.module(moduleCode.strip()).getTitle(), file.getOriginalFilename()), outcome)));
                redirect.addAttribute("module", moduleCode.strip());
                return "redirect:/academy/cohorts/" + id;
            } catch (InvalidInputException e) {
                for (FieldError error : e.errors()) {
                    if (error.field().startsWith("line ")) {
                        lines.add(new LineError(error.field().substring("line ".length()), forms.say(error.message())));
                    } else if (error.field().equals("moduleCode")) {
                        errors.put("moduleCode", forms.say(error.message()));
                    } else {
                        errors.put("file", forms.say(error.message()));
                    }
                }
            } catch (IOException e) {
                errors.put("file", forms.say(Text.of("invalid.fileUnreadable", e.getMessage())));
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("moduleCode", moduleCode);
        model.addAttribute("upload", new FormState(values, errors));
        model.addAttribute("uploadLines", lines);
        return cohortPage(id, moduleCode, model, Map.of(), Map.of());
    }

    private String cohortPage(Long id, String moduleCode, Model model, Map<String, String> bulkForm,
                              Map<String, String> bulkErrors) {
        LocalDate today = LocalDate.now(clock);
        AcademyReports.Grid grid = reports.grid(id);
        Cohort cohort = grid.cohort();
        int week = cohort.weekOf(today);
        List<Week> weeks = new ArrayList<>();
        for (int n = 1; n <= Cohort.WEEKS; n++) {
            int number = n;
            weeks.add(new Week(n, cohort.getStartDate().plusWeeks(n - 1), cohort.getStartDate().plusWeeks(n).minusDays(1),
                    grid.schedule().stream().filter(s -> s.getWeek() == number).toList(), n == week));
        }
        Map<String, String> titles = new HashMap<>();
        grid.modules().forEach(m -> titles.put(m.code(), m.title()));
        model.addAttribute("grid", grid);
        model.addAttribute("cohort", cohort);
        model.addAttribute("status", statusText(cohort, today));
        model.addAttribute("ended", cohort.weekOf(today) > Cohort.WEEKS);
        model.addAttribute("weeks", weeks);
        model.addAttribute("titles", titles);
        model.addAttribute("moduleWeeks", weeksTaught(grid.schedule(), messages));
        model.addAttribute("enrolled", grid.rows().stream().filter(r -> r.status() == RecruitStatus.ENROLLED).count());
        model.addAttribute("waiting", people.officersWithStatus(OfficerStatus.HIRED, WAITING_LIMIT));
        String selected = selectedModule(grid, moduleCode, week);
        model.addAttribute("selected", selected);
        model.addAttribute("bulk", selected == null ? null : bulk(grid, selected, bulkForm, bulkErrors, today));
        if (!model.containsAttribute("enroll")) {
            model.addAttribute("enroll", FormState.EMPTY);
        }
        if (!model.containsAttribute("upload")) {
            model.addAttribute("upload", FormState.of(selected == null ? Map.of() : Map.of("moduleCode", selected)));
            model.addAttribute("uploadLines", List.of());
        }
        model.addAttribute("csvHeader", String.join(",", ResultsCsv.HEADER));
        return "academy/cohort";
    }

    /** When this cohort teaches each module ("Week 2", "Weeks 4-5"): its own schedule, not the catalog's. */
    private static Map<String, String> weeksTaught(List<CohortSession> schedule,
                                                   org.springframework.context.MessageSource messages) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Map<String, int[]> range = new HashMap<>();
        for (CohortSession s : schedule) {
            range.merge(s.getModuleCode(), new int[] {s.getWeek(), s.getWeek()},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<String, String> weeks = new HashMap<>();
        range.forEach((code, r) -> weeks.put(code, r[0] == r[1]
                ? messages.getMessage("academy.week", new Object[] {String.valueOf(r[0])}, locale)
                : messages.getMessage("academy.weeks", new Object[] {String.valueOf(r[0]), String.valueOf(r[1])}, locale)));
        return weeks;
    }

    /** The module asked for, else the one taught this week (or last taught), else the first. */
    private static String selectedModule(AcademyReports.Grid grid, String asked, int week) {
        if (grid.modules().isEmpty()) {
            return null;
        }
        if (asked != null && grid.modules().stream().anyMatch(m -> m.code().equals(asked))) {
            return asked;
        }
        return grid.schedule().stream().filter(s -> s.getWeek() <= Math.max(1, week))
                .reduce((first, second) -> second).map(CohortSession::getModuleCode)
                .orElse(grid.modules().get(0).code());
    }

    private Bulk bulk(AcademyReports.Grid grid, String code, Map<String, String> submitted, Map<String, String> errors,
                      LocalDate today) {
        TrainingModule module = academy.module(code);
        int column = 0;
        while (!grid.modules().get(column).code().equals(code)) {
            column++;
        }
        // a re-shown form keeps each recruit's entries, found by officer id
        Map<String, Integer> submittedIndex = new HashMap<>();
        for (int i : rowIndexes(submitted)) {
            submittedIndex.put(submitted.get("rows[" + i + "].officerId"), i);
        }
        List<BulkLine> lines = new ArrayList<>();
        int index = 0;
        for (AcademyReports.Row row : grid.rows()) {
            if (row.status() != RecruitStatus.ENROLLED) {
                continue;
            }
            AcademyReports.Cell cell = row.cells().get(column);
            boolean open = cell.state() == CellState.NOT_STARTED || cell.state() == CellState.RETAKE_DUE;
            FormState state = FormState.EMPTY;
            if (open) {
                Integer before = submittedIndex.get(row.officerId().toString());
                Map<String, String> values = new HashMap<>();
                Map<String, String> rowErrors = new HashMap<>();
                if (before == null) {
                    values.put("hoursAttended", Integer.toString(module.getHours()));
                } else {
                    String at = "rows[" + before + "].";
                    for (String field : List.of("score", "hoursAttended", "practicalPassed", "notes")) {
                        values.put(field, submitted.get(at + field));
                    }
                    errors.forEach((key, message) -> {
                        if (key.startsWith(at)) {
                            rowErrors.put(key.substring(at.length()).equals("officerId") ? "row" : key.substring(at.length()), message);
                        }
                    });
                }
                state = new FormState(values, rowErrors);
            }
            lines.add(new BulkLine(open ? index++ : -1, row.officerId(), row.name(), row.employeeNumber(),
                    cellText(cell), open, cell.state() == CellState.RETAKE_DUE, state));
        }
        Map<String, String> common = new HashMap<>();
        if (submitted.isEmpty()) {
            int lastWeek = grid.schedule().stream().filter(s -> s.getModuleCode().equals(code))
                    .mapToInt(CohortSession::getWeek).max().orElse(1);
            LocalDate weekEnd = grid.cohort().getStartDate().plusWeeks(lastWeek).minusDays(1);
            common.put("assessedOn", (weekEnd.isBefore(today) ? weekEnd : today).toString());
            common.put("instructor", grid.schedule().stream().filter(s -> s.getModuleCode().equals(code))
                    .map(CohortSession::getInstructor).filter(i -> i != null && !i.isBlank()).findFirst().orElse(null));
        } else {
            COMMON_FIELDS.forEach(field -> common.put(field, submitted.get(field)));
        }
        Map<String, String> commonErrors = new HashMap<>();
        errors.forEach((key, message) -> {
            if (!key.startsWith("rows[")) {
                commonErrors.put(key, message);
            }
        });
        if (!errors.isEmpty() && !commonErrors.containsKey("form")) {
            long bad = errors.keySet().stream().filter(k -> k.startsWith("rows[")).map(k -> k.substring(0, k.indexOf(']')))
                    .distinct().count();
            commonErrors.put("form", forms.say(bad == 0 ? Text.of("academy.error.correctFields")
                    : Text.of("academy.error.correctRows", bad)));
        }
        return new Bulk(module, lines, lines.stream().filter(BulkLine::open).count(), new FormState(common, commonErrors));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
