package org.csotracker.hiring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.TaskService;
import org.csotracker.common.StreamingQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What HR reads: the pipeline board, searches, the task list and the funnel. */
@Service
public class HiringReports {

    /** Cards shown per board column; the column links to the full, paged list. */
    public static final int CARDS_PER_COLUMN = 12;

    private final CandidateRepository candidates;
    private final StageVisitRepository visits;
    private final TaskService tasks;
    private final Clock clock;
    static final java.time.Duration BOARD_FRESHNESS = java.time.Duration.ofSeconds(3);
    // refreshed in the background once older than BOARD_FRESHNESS: viewers keep getting the last board
    // meanwhile instead of all waiting for one recomputation; never older than BOARD_LIMIT
    private final com.github.benmanes.caffeine.cache.LoadingCache<List<String>, Board> boards;
    static final java.time.Duration BOARD_LIMIT = java.time.Duration.ofSeconds(30);
    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;

    HiringReports(CandidateRepository candidates, StageVisitRepository visits, TaskService tasks, Clock clock,
                  PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.boards = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().refreshAfterWrite(BOARD_FRESHNESS)
                .expireAfterWrite(BOARD_LIMIT).maximumSize(500)
                .build(key -> readOnly.execute(tx -> computeBoard(key.get(0), key.get(1))));
        this.candidates = candidates;
        this.visits = visits;
        this.tasks = tasks;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public record Column(HiringStage stage, long count, List<CandidateSummary> cards) {
    }

    public record Board(List<Column> columns, Map<HiringStage, Long> closed, String query, String district) {
    }

    /**
     * Board columns: open stages (waiting longest first) and hires; closed cases as counts. Many people
     * watch the board and few change it: a board is kept until a candidate changes on this node (see
     * {@link CandidateChanges}), and at most {@link #BOARD_FRESHNESS}, which bounds what another
     * node's changes (or an SQL script's) take to show.
     */
    public Board board(String query, String district) {
        String q = normalize(query);
        String d = normalize(district);
        if (org.csotracker.common.Transactions.writing()) {
            return computeBoard(q, d); // may see changes that roll back: never cache them
        }
        return boards.get(List.of(q, d));
    }

    /** A candidate changed (called after the commit): every cached board is out of date. */
    void candidatesChanged() {
        boards.invalidateAll();
    }

    private Board computeBoard(String q, String d) {
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

    // ---- time in stage ----------------------------------------------------------------------

    /**
     * How long candidates spend in a stage: finished stays (median, 90th percentile, mean days) and
     * the candidates waiting there now (how many, median days so far). One grouped query.
     */
    public record StageTime(HiringStage stage, String title, long finished, Double medianDays, Double p90Days,
                            Double meanDays, long current, Double currentMedianDays) {
    }

    @Transactional(readOnly = true)
    public List<StageTime> timeInStage() {
        Map<HiringStage, Object[]> rows = new EnumMap<>(HiringStage.class);
        for (Object[] row : visits.timeInStageRows(clock.instant().atOffset(java.time.ZoneOffset.UTC))) {
            rows.put(HiringStage.valueOf((String) row[0]), row);
        }
        List<StageTime> times = new ArrayList<>();
        for (HiringStage stage : boardStages()) {
            if (stage == HiringStage.HIRED) {
                continue; // a hire is an end, not a wait
            }
            Object[] row = rows.get(stage);
            times.add(row == null ? new StageTime(stage, stage.title(), 0, null, null, null, 0, null)
                    : new StageTime(stage, stage.title(), ((Number) row[1]).longValue(), days(row[2]), days(row[3]),
                    days(row[4]), ((Number) row[5]).longValue(), days(row[6])));
        }
        return times;
    }

    private static Double days(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }

    // ---- export -----------------------------------------------------------------------------

    /** One candidate as the hiring export lists them (no statement, no tokens). */
    public record CandidateRow(long id, String lastName, String firstName, String email, String phone, Instant appliedAt,
                               String source, String stage, Instant stageEnteredAt, String districtPreference,
                               String languages, String education, Boolean meetsMinimum, Integer desiredScore,
                               Boolean backgroundClear, Integer interviewScore, String interviewRecommendation,
                               Boolean unionApproved, java.time.LocalDate offerStartDate, String offerDistrict,
                               String closedAtStage, String rejectionReason, Instant closedAt, Long officerId) {
    }

    /**
     * Every candidate, newest application first, handed to {@code sink} as the rows are read (a
     * cursor of {@link StreamingQuery#FETCH_SIZE} rows): the export never holds the whole list.
     */
    @Transactional(readOnly = true)
    public void exportCandidates(Consumer<CandidateRow> sink) {
        jdbc.query(StreamingQuery.of("""
                select id, last_name, first_name, email, phone, applied_at, source, stage, stage_entered_at,
                       district_preference, languages, education, meets_minimum, desired_score, background_clear,
                       interview_score, interview_recommendation, union_approved, offer_start_date, offer_district,
                       closed_at_stage, rejection_reason, closed_at, officer_id
                from cso.candidate order by applied_at desc, id desc"""), (RowCallbackHandler) rs -> sink.accept(
                new CandidateRow(rs.getLong("id"), rs.getString("last_name"), rs.getString("first_name"),
                        rs.getString("email"), rs.getString("phone"), instant(rs, "applied_at"), rs.getString("source"),
                        rs.getString("stage"), instant(rs, "stage_entered_at"), rs.getString("district_preference"),
                        rs.getString("languages"), rs.getString("education"), rs.getObject("meets_minimum", Boolean.class),
                        rs.getObject("desired_score", Integer.class), rs.getObject("background_clear", Boolean.class),
                        rs.getObject("interview_score", Integer.class), rs.getString("interview_recommendation"),
                        rs.getObject("union_approved", Boolean.class), rs.getObject("offer_start_date", java.time.LocalDate.class),
                        rs.getString("offer_district"), rs.getString("closed_at_stage"), rs.getString("rejection_reason"),
                        instant(rs, "closed_at"), rs.getObject("officer_id", Long.class))));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
