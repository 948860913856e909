package org.csotracker.academy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.csotracker.people.Officer;
import org.csotracker.people.People;
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

    AcademyReports(Academy academy, RecruitRepository recruits, ModuleResultRepository results,
                   RemediationRepository remediations, People people) {
        this.academy = academy;
        this.recruits = recruits;
        this.results = results;
        this.remediations = remediations;
        this.people = people;
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
}
