package org.csotracker.academy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.csotracker.common.StreamingQuery;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerBatch;
import org.csotracker.people.People;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cohort grid (recruits × modules) and a recruit's transcript, each read in a few queries. */
@Service
public class AcademyReports {

    private final Academy academy;
    private final RecruitRepository recruits;
    private final ModuleResultRepository results;
    private final RemediationRepository remediations;
    private final People people;
    private final JdbcTemplate jdbc;

    AcademyReports(Academy academy, RecruitRepository recruits, ModuleResultRepository results,
                   RemediationRepository remediations, People people, JdbcTemplate jdbc) {
        this.academy = academy;
        this.recruits = recruits;
        this.results = results;
        this.remediations = remediations;
        this.people = people;
        this.jdbc = jdbc;
    }

    /** The state of one module for one recruit. */
    public enum CellState {
        NOT_STARTED("Not started"), PASSED("Passed"), FAILED("Failed: remediation due"), RETAKE_DUE("Retake due"),
        FAILED_TWICE("Failed twice");

        private final String title;

        CellState(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public record Cell(String moduleCode, CellState state, Integer score, int attempts) {
    }

    public record Row(Long officerId, String name, String employeeNumber, RecruitStatus status, List<Cell> cells,
                      int passed, int percent) {
    }

    public record ModuleColumn(String code, String title, String weeks, int passingScore, int passed, int percent) {
    }

    public record Grid(Cohort cohort, List<CohortSession> schedule, List<ModuleColumn> modules, List<Row> rows) {
    }

    @Transactional(readOnly = true)
    public Grid grid(Long cohortId) {
        Cohort cohort = academy.cohort(cohortId);
        List<String> codes = academy.cohortModules(cohortId);
        Map<String, TrainingModule> catalog = academy.currentModules().stream()
                .collect(Collectors.toMap(TrainingModule::getCode, m -> m));
        List<Recruit> roster = recruits.findByCohortIdAndStatusIn(cohortId,
                EnumSet.of(RecruitStatus.ENROLLED, RecruitStatus.COMPLETED, RecruitStatus.DISMISSED, RecruitStatus.WITHDRAWN));
        List<Long> officerIds = roster.stream().map(Recruit::getOfficerId).toList();
        Map<Long, Officer> officers = people.officers(officerIds);
        Map<Long, List<ModuleResult>> resultsByOfficer = results.findByOfficerIdIn(officerIds).stream()
                .collect(Collectors.groupingBy(ModuleResult::getOfficerId));
        Map<Long, Set<String>> remediated = new HashMap<>();
        remediations.findByOfficerIdIn(officerIds).forEach(r -> remediated.computeIfAbsent(r.getOfficerId(), k -> new java.util.HashSet<>()).add(r.getModuleCode()));

        List<Row> rows = new ArrayList<>();
        int[] passedPerModule = new int[codes.size()];
        for (Recruit recruit : roster) {
            List<ModuleResult> own = resultsByOfficer.getOrDefault(recruit.getOfficerId(), List.of());
            List<Cell> cells = new ArrayList<>();
            int passed = 0;
            for (int i = 0; i < codes.size(); i++) {
                Cell cell = cell(codes.get(i), own, remediated.getOrDefault(recruit.getOfficerId(), Set.of()));
                cells.add(cell);
                if (cell.state() == CellState.PASSED) {
                    passed++;
                    passedPerModule[i]++;
                }
            }
            Officer officer = officers.get(recruit.getOfficerId());
            rows.add(new Row(recruit.getOfficerId(), officer.getFullName(), officer.getEmployeeNumber(), recruit.getStatus(),
                    cells, passed, codes.isEmpty() ? 0 : passed * 100 / codes.size()));
        }
        rows.sort(Comparator.comparing(Row::name));
        List<ModuleColumn> columns = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            TrainingModule m = catalog.get(codes.get(i));
            columns.add(new ModuleColumn(m.getCode(), m.getTitle(), m.weeks(), m.getPassingScore(), passedPerModule[i],
                    rows.isEmpty() ? 0 : passedPerModule[i] * 100 / rows.size()));
        }
        return new Grid(cohort, academy.schedule(cohortId), columns, rows);
    }

    private static Cell cell(String code, List<ModuleResult> own, Set<String> remediated) {
        List<ModuleResult> attempts = own.stream().filter(r -> r.getModuleCode().equals(code))
                .sorted(Comparator.comparingInt(ModuleResult::getAttempt)).toList();
        if (attempts.isEmpty()) {
            return new Cell(code, CellState.NOT_STARTED, null, 0);
        }
        ModuleResult last = attempts.get(attempts.size() - 1);
        if (last.isPassed()) {
            return new Cell(code, CellState.PASSED, last.getScore(), attempts.size());
        }
        if (attempts.size() >= 2) {
            return new Cell(code, CellState.FAILED_TWICE, last.getScore(), attempts.size());
        }
        return new Cell(code, remediated.contains(code) ? CellState.RETAKE_DUE : CellState.FAILED, last.getScore(), 1);
    }

    public record Attempt(String moduleCode, String moduleTitle, int moduleVersion, int attempt, int score,
                          java.math.BigDecimal hoursAttended, int moduleHours, Boolean practicalPassed, boolean passed,
                          String instructor, java.time.LocalDate assessedOn, String notes, String recordedBy,
                          java.time.Instant recordedAt) {
    }

    public record Transcript(Long officerId, String name, String employeeNumber, String status, List<Recruit> enrollments,
                             List<Attempt> attempts, List<Remediation> remediations, Map<String, String> openSteps) {
    }

    @Transactional(readOnly = true)
    public Transcript transcript(Long officerId) {
        Officer officer = people.officer(officerId);
        Map<Long, TrainingModule> versions = new HashMap<>();
        List<ModuleResult> own = academy.results(officerId);
        List<Attempt> attempts = own.stream().map(r -> {
            TrainingModule m = versions.computeIfAbsent(r.getModuleId(), id -> academy.moduleVersion(id));
            return new Attempt(r.getModuleCode(), m.getTitle(), m.getVersion(), r.getAttempt(), r.getScore(),
                    r.getHoursAttended(), m.getHours(), r.getPracticalPassed(), r.isPassed(), r.getInstructor(),
                    r.getAssessedOn(), r.getNotes(), r.getRecordedBy(), r.getRecordedAt());
        }).toList();
        return new Transcript(officerId, officer.getFullName(), officer.getEmployeeNumber(), officer.getStatus().name(),
                academy.enrollments(officerId), attempts, academy.remediations(officerId), academy.openSteps(officerId));
    }

    /** A cohort with how many of its recruits are in each status. */
    public record CohortSummary(Cohort cohort, Map<RecruitStatus, Long> recruits) {

        public long count(RecruitStatus status) {
            return recruits.getOrDefault(status, 0L);
        }
    }

    /** Every cohort, newest first, with its recruits counted by status (two queries). */
    @Transactional(readOnly = true)
    public List<CohortSummary> cohortSummaries() {
        Map<Long, Map<RecruitStatus, Long>> counts = new HashMap<>();
        for (Object[] row : recruits.countByCohortAndStatus()) {
            counts.computeIfAbsent((Long) row[0], k -> new java.util.EnumMap<>(RecruitStatus.class))
                    .put((RecruitStatus) row[1], (Long) row[2]);
        }
        return academy.cohorts().stream()
                .map(c -> new CohortSummary(c, counts.getOrDefault(c.getId(), Map.of()))).toList();
    }

    // ---- pass rates (dashboards) ------------------------------------------------------------

    /** A module's results over every cohort: first attempts and how many passed, retakes and how many passed. */
    public record ModulePassRate(String code, String title, long firstAttempts, long firstPassed, long retakes,
                                 long retakesPassed) {

        /** Share of recruits who passed on the first attempt. */
        public double firstAttemptPercent() {
            return percent(firstPassed, firstAttempts);
        }

        /** Share of recruits who passed in the end (first attempt or retake). */
        public double overallPercent() {
            return percent(firstPassed + retakesPassed, firstAttempts);
        }
    }

    /** Pass rates per module, in catalog order: one grouped query over the results. */
    @Transactional(readOnly = true)
    public List<ModulePassRate> passRatesByModule() {
        Map<String, ModulePassRate> byCode = new java.util.LinkedHashMap<>();
        for (TrainingModule m : academy.currentModules()) {
            byCode.put(m.getCode(), new ModulePassRate(m.getCode(), m.getTitle(), 0, 0, 0, 0));
        }
        jdbc.query("""
                select module_code,
                       count(*) filter (where attempt = 1) as first_attempts,
                       count(*) filter (where attempt = 1 and passed) as first_passed,
                       count(*) filter (where attempt = 2) as retakes,
                       count(*) filter (where attempt = 2 and passed) as retakes_passed
                from cso.module_result group by module_code""", (RowCallbackHandler) rs -> {
            String code = rs.getString("module_code");
            String title = byCode.containsKey(code) ? byCode.get(code).title() : code;
            byCode.put(code, new ModulePassRate(code, title, rs.getLong("first_attempts"), rs.getLong("first_passed"),
                    rs.getLong("retakes"), rs.getLong("retakes_passed")));
        });
        return List.copyOf(byCode.values());
    }

    /** A cohort's outcome: recruits by status and the first-attempt pass rate of its module results. */
    public record CohortPassRate(Long cohortId, String name, LocalDate startDate, long recruits, long completed,
                                 long dismissed, long withdrawn, long firstAttempts, long firstPassed) {

        public double firstAttemptPercent() {
            return percent(firstPassed, firstAttempts);
        }

        /** Completed among those whose academy has ended one way or another. */
        public double completionPercent() {
            return percent(completed, completed + dismissed + withdrawn);
        }
    }

    /** The {@code limit} most recent cohorts that have started by {@code today}, oldest first. */
    @Transactional(readOnly = true)
    public List<CohortPassRate> passRatesByCohort(LocalDate today, int limit) {
        return jdbc.query("""
                with recent as (select id, name, start_date from cso.cohort where start_date <= ?
                                order by start_date desc, id desc limit ?)
                select c.id, c.name, c.start_date, r.recruits, r.completed, r.dismissed, r.withdrawn,
                       m.first_attempts, m.first_passed
                from recent c
                cross join lateral (select count(*) filter (where status <> 'MOVED') as recruits,
                                           count(*) filter (where status = 'COMPLETED') as completed,
                                           count(*) filter (where status = 'DISMISSED') as dismissed,
                                           count(*) filter (where status = 'WITHDRAWN') as withdrawn
                                    from cso.recruit where cohort_id = c.id) r
                cross join lateral (select count(*) filter (where attempt = 1) as first_attempts,
                                           count(*) filter (where attempt = 1 and passed) as first_passed
                                    from cso.module_result where cohort_id = c.id) m
                order by c.start_date, c.id""", (rs, i) -> new CohortPassRate(rs.getLong("id"), rs.getString("name"),
                rs.getObject("start_date", LocalDate.class), rs.getLong("recruits"), rs.getLong("completed"),
                rs.getLong("dismissed"), rs.getLong("withdrawn"), rs.getLong("first_attempts"), rs.getLong("first_passed")),
                today, limit);
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    // ---- exports ----------------------------------------------------------------------------

    /** One recruit of a cohort's roster, with their standing in each module of the program. */
    public record RosterRow(Officer officer, Recruit enrollment, int modulesPassed, int modulesTotal, List<Cell> cells) {
    }

    public record Roster(Cohort cohort, List<ModuleColumn> modules, List<RosterRow> rows) {
    }

    /** A cohort's roster (a cohort is at most its capacity: read at once). */
    @Transactional(readOnly = true)
    public Roster roster(Long cohortId) {
        Grid grid = grid(cohortId);
        Map<Long, Recruit> enrollments = new HashMap<>();
        recruits.findByCohortIdAndStatusIn(cohortId, EnumSet.of(RecruitStatus.ENROLLED, RecruitStatus.COMPLETED,
                RecruitStatus.DISMISSED, RecruitStatus.WITHDRAWN)).forEach(r -> enrollments.put(r.getOfficerId(), r));
        Map<Long, Officer> officers = people.officers(enrollments.keySet());
        List<RosterRow> rows = grid.rows().stream().map(r -> new RosterRow(officers.get(r.officerId()),
                enrollments.get(r.officerId()), r.passed(), grid.modules().size(), r.cells())).toList();
        return new Roster(grid.cohort(), grid.modules(), rows);
    }

    /** One module result, as a transcript export lists it. */
    public record ResultRow(Long officerId, String cohort, String moduleCode, String moduleTitle, int moduleVersion,
                            int attempt, int score, int passingScore, java.math.BigDecimal hoursAttended, int moduleHours,
                            Boolean practicalPassed, boolean passed, String instructor, LocalDate assessedOn,
                            String recordedBy, Instant recordedAt) {
    }

    /**
     * Every module result (of one cohort, or all of them), by officer, module and attempt, each with
     * its officer, handed to {@code sink} as the rows are read: officers are looked up a batch at a time.
     */
    @Transactional(readOnly = true)
    public void exportResults(Long cohortId, java.util.function.BiConsumer<ResultRow, Officer> sink) {
        OfficerBatch<ResultRow> batch = people.batch(ResultRow::officerId, sink);
        String sql = """
                select m.officer_id, c.name as cohort, m.module_code, t.title, t.version, m.attempt, m.score,
                       t.passing_score, m.hours_attended, t.hours, m.practical_passed, m.passed, m.instructor,
                       m.assessed_on, m.recorded_by, m.recorded_at
                from cso.module_result m
                join cso.training_module t on t.id = m.module_id
                join cso.cohort c on c.id = m.cohort_id
                """ + (cohortId == null ? "" : "where m.cohort_id = ?\n") + "order by m.officer_id, m.module_code, m.attempt";
        Object[] arguments = cohortId == null ? new Object[0] : new Object[] {cohortId};
        jdbc.query(StreamingQuery.of(sql, arguments), (RowCallbackHandler) rs -> batch.add(new ResultRow(
                rs.getLong("officer_id"), rs.getString("cohort"), rs.getString("module_code"), rs.getString("title"),
                rs.getInt("version"), rs.getInt("attempt"), rs.getInt("score"), rs.getInt("passing_score"),
                rs.getBigDecimal("hours_attended"), rs.getInt("hours"), rs.getObject("practical_passed", Boolean.class),
                rs.getBoolean("passed"), rs.getString("instructor"), rs.getObject("assessed_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant())));
        batch.flush();
    }

    // ---- calendars --------------------------------------------------------------------------

    /** A week of a module in a cohort's schedule: Monday to Friday of that academy week. */
    public record ScheduledSession(Long cohortId, String cohortName, int week, LocalDate firstDay, LocalDate lastDay,
                                   String moduleCode, String moduleTitle, String instructor, String location) {
    }

    /** A cohort's schedule, week by week. */
    @Transactional(readOnly = true)
    public List<ScheduledSession> schedule(Long cohortId) {
        Cohort cohort = academy.cohort(cohortId);
        Map<String, String> titles = academy.currentModules().stream()
                .collect(Collectors.toMap(TrainingModule::getCode, TrainingModule::getTitle));
        return academy.schedule(cohortId).stream()
                .sorted(Comparator.comparingInt(CohortSession::getWeek).thenComparing(CohortSession::getModuleCode))
                .map(s -> {
                    LocalDate first = cohort.getStartDate().plusWeeks(s.getWeek() - 1L);
                    return new ScheduledSession(cohort.getId(), cohort.getName(), s.getWeek(), first, first.plusDays(4),
                            s.getModuleCode(), titles.getOrDefault(s.getModuleCode(), s.getModuleCode()), s.getInstructor(),
                            s.getLocation() == null ? cohort.getLocation() : s.getLocation());
                }).toList();
    }

    /** A remediation plan's due date, for the recruit's calendar. */
    public record RemediationDue(String moduleCode, String moduleTitle, LocalDate dueDate, String plan) {
    }

    /** A recruit's academy dates: the schedule of the cohort they are enrolled in now and their remediations. */
    public record Agenda(List<ScheduledSession> sessions, List<RemediationDue> remediations) {
    }

    @Transactional(readOnly = true)
    public Agenda agenda(Long officerId) {
        List<ScheduledSession> sessions = academy.currentEnrollment(officerId)
                .filter(r -> r.getStatus() == RecruitStatus.ENROLLED)
                .map(r -> schedule(r.getCohortId())).orElse(List.of());
        Map<String, String> titles = academy.currentModules().stream()
                .collect(Collectors.toMap(TrainingModule::getCode, TrainingModule::getTitle));
        List<RemediationDue> due = academy.remediations(officerId).stream()
                .map(r -> new RemediationDue(r.getModuleCode(), titles.getOrDefault(r.getModuleCode(), r.getModuleCode()),
                        r.getDueDate(), r.getPlan())).toList();
        return new Agenda(sessions, due);
    }
}
