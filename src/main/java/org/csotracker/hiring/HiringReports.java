package org.csotracker.hiring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What HR reads: the pipeline board, searches, the task list and the funnel. */
@Service
public class HiringReports {

    /** Cards shown per board column; the column links to the full, paged list. */
    public static final int CARDS_PER_COLUMN = 12;

    private final CandidateRepository candidates;
    private final StageVisitRepository visits;
    private final TaskService tasks;
    private final Clock clock;

    HiringReports(CandidateRepository candidates, StageVisitRepository visits, TaskService tasks, Clock clock) {
        this.candidates = candidates;
        this.visits = visits;
        this.tasks = tasks;
        this.clock = clock;
    }

    public record Column(HiringStage stage, long count, List<CandidateSummary> cards) {
    }

    public record Board(List<Column> columns, Map<HiringStage, Long> closed, String query, String district) {
    }

    /** Board columns: open stages (waiting longest first) and hires; closed cases as counts. */
    @Transactional(readOnly = true)
    public Board board(String query, String district) {
        String q = normalize(query);
        String d = normalize(district);
        Map<HiringStage, Long> counts = new EnumMap<>(HiringStage.class);
        (q.isEmpty() && d.isEmpty() ? candidates.countByStage() : candidates.countByStage(q, d))
                .forEach(row -> counts.put((HiringStage) row[0], (Long) row[1]));
        Instant now = clock.instant();
        List<Column> columns = new ArrayList<>();
        for (HiringStage stage : boardStages()) {
            long count = counts.getOrDefault(stage, 0L);
            List<CandidateSummary> cards = count == 0 ? List.of() : candidates.column(stage, q, d,
                    PageRequest.of(0, CARDS_PER_COLUMN, sortFor(stage))).stream().map(c -> CandidateSummary.of(c, now)).toList();
            columns.add(new Column(stage, count, cards));
        }
        Map<HiringStage, Long> closed = new LinkedHashMap<>();
        for (HiringStage stage : List.of(HiringStage.REJECTED, HiringStage.WITHDRAWN, HiringStage.OFFER_DECLINED,
                HiringStage.OFFER_EXPIRED)) {
            closed.put(stage, counts.getOrDefault(stage, 0L));
        }
        return new Board(columns, closed, q, d);
    }

    public static List<HiringStage> boardStages() {
        return List.of(HiringStage.SCREENING, HiringStage.BACKGROUND_CHECK, HiringStage.INTERVIEW,
                HiringStage.UNION_VETTING, HiringStage.UNION_OBJECTION, HiringStage.OFFER, HiringStage.OFFER_EXTENDED,
                HiringStage.HIRING, HiringStage.HIRED);
    }

    @Transactional(readOnly = true)
    public Page<CandidateSummary> search(Set<HiringStage> stages, String query, String district, Pageable pageable) {
        Instant now = clock.instant();
        Set<HiringStage> wanted = stages == null || stages.isEmpty() ? Set.of(HiringStage.values()) : stages;
        return candidates.search(wanted, normalize(query), normalize(district), pageable)
                .map(c -> CandidateSummary.of(c, now));
    }

    private static Sort sortFor(HiringStage stage) {
        return stage.isClosed() ? Sort.by(Sort.Direction.DESC, "stageEnteredAt")
                : Sort.by(Sort.Direction.ASC, "stageEnteredAt");
    }

    private static String normalize(String text) {
        return text == null ? "" : text.strip().toLowerCase();
    }

    // ---- the task list ----------------------------------------------------------------------

    public record OpenTask(String taskId, String name, Long candidateId, String candidateName, Instant created,
                           Instant due, boolean overdue, HiringStage stage) {
    }

    /** Open hiring steps for the HR group, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(int max) {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(HiringProcess.KEY).taskCandidateGroup("HR")
                .orderByTaskCreateTime().asc().listPage(0, max);
        Map<Long, Candidate> byId = new LinkedHashMap<>();
        List<Long> ids = open.stream().map(t -> Long.valueOf(tasksBusinessKey(t))).toList();
        candidates.findAllById(ids).forEach(c -> byId.put(c.getId(), c));
        Instant now = clock.instant();
        return open.stream().map(t -> {
            Candidate c = byId.get(Long.valueOf(tasksBusinessKey(t)));
            Instant due = c == null ? null : c.getDueAt();
            return new OpenTask(t.getId(), t.getName(), c == null ? null : c.getId(), c == null ? "?" : c.getFullName(),
                    t.getCreateTime().toInstant(), due, due != null && now.isAfter(due),
                    HiringStage.ofTask(t.getTaskDefinitionKey()).orElse(null));
        }).toList();
    }

    private String tasksBusinessKey(Task task) {
        Object id = tasks.getVariable(task.getId(), HiringProcess.VAR_CANDIDATE_ID);
        return String.valueOf(id);
    }

    // ---- the funnel -------------------------------------------------------------------------

    /** One pipeline stage: how many reached it, what share of the previous stage, median days spent in it. */
    public record FunnelStage(HiringStage stage, String title, long reached, Double conversionPercent, Double medianDays) {
    }

    @Transactional(readOnly = true)
    public List<FunnelStage> funnel() {
        Map<HiringStage, Object[]> rows = new EnumMap<>(HiringStage.class);
        for (Object[] row : visits.funnelRows()) {
            rows.put(HiringStage.valueOf((String) row[0]), row);
        }
        List<FunnelStage> funnel = new ArrayList<>();
        Long previous = null;
        for (HiringStage stage : HiringStage.PIPELINE) {
            Object[] row = rows.get(stage);
            long reached = row == null ? 0 : ((Number) row[1]).longValue();
            if (stage == HiringStage.OFFER_EXTENDED && row == null) {
                reached = 0;
            }
            Double median = row == null || row[2] == null ? null : Math.round(((Number) row[2]).doubleValue() * 10) / 10.0;
            Double conversion = previous == null || previous == 0 ? null : Math.round(reached * 1000.0 / previous) / 10.0;
            funnel.add(new FunnelStage(stage, stage.title(), reached, conversion, median));
            previous = reached;
        }
        return funnel;
    }
}
