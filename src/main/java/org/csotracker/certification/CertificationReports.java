package org.csotracker.certification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.csotracker.academy.AcademyReports;
import org.csotracker.common.StreamingQuery;
import org.csotracker.people.Officer;
import org.csotracker.people.OfficerBatch;
import org.csotracker.people.People;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read models: an officer's certification at a glance, a unit's readiness, a public verification. */
@Service
public class CertificationReports {

    private final Certifications certifications;
    private final ContinuingEducation education;
    private final AcademyReports academy;
    private final People people;
    private final Clock clock;
    private final CertificationRules rules;
    private final JdbcTemplate jdbc;
    private final StatusCache cache;
    private final OfficerLetters letters;

    CertificationReports(Certifications certifications, ContinuingEducation education, AcademyReports academy,
                         People people, Clock clock, CertificationRules rules, JdbcTemplate jdbc, StatusCache cache,
                         OfficerLetters letters) {
        this.cache = cache;
        this.letters = letters;
        this.certifications = certifications;
        this.education = education;
        this.academy = academy;
        this.people = people;
        this.clock = clock;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    public record CertificateView(String number, String kind, LocalDate validFrom, LocalDate validUntil, Instant issuedAt,
                                  String sha256, int sizeBytes, VerificationStatus status) {
    }

    public record CeView(Long id, String category, String title, String provider, BigDecimal hours, LocalDate completedOn,
                         String status, String source, String rejectionReason, String evidenceName) {
        public static CeView of(ContinuingEducationRecord r) {
            return new CeView(r.getId(), r.getCategory(), r.getTitle(), r.getProvider(), r.getHours(), r.getCompletedOn(),
                    r.getStatus().name(), r.getSource().name(), r.getRejectionReason(), r.getEvidenceName());
        }
    }

    public record HistoryView(String status, Instant effectiveAt, String reason) {
    }

    /** {@code code} names the kind of deadline (CONTINUING_EDUCATION, EXPIRES, EXPIRED, GRACE_ENDS) for pages in any language. */
    public record Deadline(LocalDate date, String what, String code) {
    }

    /** Everything a CSO (or their supervisor, or a coordinator) needs to see about one certification. */
    public record Status(Long officerId, String name, String employeeNumber, String officerStatus, String supervisor,
                         String district, String certificationStatus, Instant statusSince, LocalDate certifiedOn,
                         int periodNumber, LocalDate periodStart, LocalDate periodEnd, LocalDate graceUntil,
                         Long daysLeft, int requiredHours, BigDecimal doneHours, List<ContinuingEducation.Line> requirements,
                         List<Deadline> deadlines, List<HistoryView> history, List<CertificateView> certificates,
                         List<CeView> continuingEducation, AcademyReports.Transcript transcript, Long certificationId) {
    }

    public Status status(Long officerId) {
        return cache.ofOfficer(officerId, () -> computeStatus(officerId));
    }

    private Status computeStatus(Long officerId) {
        Officer officer = people.officer(officerId);
        var certification = certifications.ofOfficer(officerId);
        List<CeView> ce = education.of(officerId).stream().map(CeView::of).toList();
        AcademyReports.Transcript transcript = academy.transcript(officerId);
        if (certification.isEmpty()) {
            return new Status(officerId, officer.getFullName(), officer.getEmployeeNumber(), officer.getStatus().name(),
                    officer.getSupervisor(), officer.getDistrict(), null, null, null, 0, null, null, null, null, 0,
                    BigDecimal.ZERO, List.of(), List.of(), List.of(), List.of(), ce, transcript, null);
        }
        Certification c = certification.get();
        ContinuingEducation.Progress progress = education.progress(officer, c);
        List<CertificateView> certificates = certifications.certificates(officerId).stream()
                .map(cert -> view(cert, c)).toList();
        List<HistoryView> history = certifications.history(c.getId()).stream()
                .map(h -> new HistoryView(h.getStatus().name(), h.getEffectiveAt(), h.getReason())).toList();
        return new Status(officerId, officer.getFullName(), officer.getEmployeeNumber(), officer.getStatus().name(),
                officer.getSupervisor(), officer.getDistrict(), c.getStatus().name(), c.getStatusSince(), c.getCertifiedOn(),
                c.getPeriodNumber(), c.getPeriodStart(), c.getPeriodEnd(), c.getGraceUntil(), certifications.daysLeft(c),
                progress.requiredHours(), progress.doneHours(), progress.lines(), deadlines(c, progress), history,
                certificates, ce, transcript, c.getId());
    }

    private List<Deadline> deadlines(Certification c, ContinuingEducation.Progress progress) {
        List<Deadline> deadlines = new ArrayList<>();
        if (c.getStatus() == CertificationStatus.REVOKED || c.getStatus() == CertificationStatus.LAPSED) {
            return deadlines;
        }
        boolean inGrace = LocalDate.now(clock).isAfter(c.getPeriodEnd());
        if (!progress.met()) {
            // once the period has ended, the hours still count until the grace period ends
            deadlines.add(new Deadline(inGrace ? c.getGraceUntil() : c.getPeriodEnd(),
                    "Complete continuing education: " + progress.missingSummary(), "CONTINUING_EDUCATION"));
        }
        deadlines.add(new Deadline(c.getPeriodEnd(), inGrace ? "Certification expired" : "Certification expires",
                inGrace ? "EXPIRED" : "EXPIRES"));
        if (inGrace) {
            deadlines.add(new Deadline(c.getGraceUntil(), "Grace period ends: the certification lapses", "GRACE_ENDS"));
        }
        deadlines.sort(Comparator.comparing(Deadline::date));
        return deadlines;
    }

    // ---- verification -----------------------------------------------------------------------

    /** What the public sees of a certificate: whether it is genuine and current. Nothing else. */
    public enum VerificationStatus { VALID, EXPIRED, LAPSED, REVOKED }

    public record Verification(String number, String holderName, String kind, LocalDate validFrom, LocalDate validUntil,
                               LocalDate issuedOn, VerificationStatus status) {
    }

    public java.util.Optional<Verification> verify(String number) {
        return cache.ofCertificate(number, () -> computeVerification(number));
    }

    private java.util.Optional<Verification> computeVerification(String number) {
        return certifications.certificate(number).map(cert -> {
            Certification c = certifications.certification(cert.getCertificationId());
            return new Verification(cert.getNumber(), cert.getHolderName(), cert.getKind().name(), cert.getPeriodStart(),
                    cert.getPeriodEnd(), LocalDate.ofInstant(cert.getIssuedAt(), clock.getZone()), statusOf(cert, c));
        });
    }

    private CertificateView view(Certificate cert, Certification c) {
        return new CertificateView(cert.getNumber(), cert.getKind().name(), cert.getPeriodStart(), cert.getPeriodEnd(),
                cert.getIssuedAt(), cert.getSha256(), cert.getSizeBytes(), statusOf(cert, c));
    }

    /** Revocation wins; a lapse voids the current certificate; an older period's certificate has expired. */
    VerificationStatus statusOf(Certificate cert, Certification c) {
        if (c.getStatus() == CertificationStatus.REVOKED) {
            return VerificationStatus.REVOKED;
        }
        boolean current = cert.getPeriodStart().equals(c.getPeriodStart());
        if (current && c.getStatus() == CertificationStatus.LAPSED) {
            return VerificationStatus.LAPSED;
        }
        if (!current || LocalDate.now(clock).isAfter(cert.getPeriodEnd())) {
            return VerificationStatus.EXPIRED;
        }
        return VerificationStatus.VALID;
    }

    // ---- readiness --------------------------------------------------------------------------

    public record Readiness(Long officerId, String name, String employeeNumber, String district, String supervisor,
                            String officerStatus, String certificationStatus, LocalDate periodEnd, Long daysLeft) {
    }

    /** Who is active, expiring and lapsed among the given officers (a supervisor's unit, or everyone). */
    @Transactional(readOnly = true)
    public List<Readiness> readiness(List<Officer> officers) {
        Map<Long, Certification> byOfficer = certifications.ofOfficers(officers.stream().map(Officer::getId).toList())
                .stream().collect(Collectors.toMap(Certification::getOfficerId, Function.identity()));
        return officers.stream().map(o -> {
            Certification c = byOfficer.get(o.getId());
            return new Readiness(o.getId(), o.getFullName(), o.getEmployeeNumber(), o.getDistrict(), o.getSupervisor(),
                    o.getStatus().name(), c == null ? null : c.getStatus().name(), c == null ? null : c.getPeriodEnd(),
                    c == null ? null : certifications.daysLeft(c));
        }).sorted(Comparator.comparing((Readiness r) -> r.certificationStatus() == null ? "Z" : r.certificationStatus())
                .thenComparing(Readiness::name)).toList();
    }

    /** One page of everyone's readiness, most urgent first, with the counts of the whole population. */
    public record ReadinessPage(List<Readiness> rows, int page, int totalPages, Map<String, Long> counts) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Everyone with a certification, paged and sorted in the database (lapsed, expiring, active,
     * revoked; then by expiry): at statewide size this is 100,000 rows, never loaded at once.
     * The order is served by the index of V13__readiness_index.sql.
     */
    @Transactional(readOnly = true)
    public ReadinessPage readinessOfAll(int page, int size) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String status : List.of("ACTIVE", "EXPIRING", "LAPSED", "REVOKED")) {
            counts.put(status, 0L);
        }
        jdbc.query("select status, count(*) from cso.certification group by status",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        LocalDate today = LocalDate.now(clock);
        List<Readiness> rows = jdbc.query("""
                select o.id, o.first_name, o.last_name, o.employee_number, o.district, o.supervisor, o.status as officer_status,
                       c.status, c.period_end
                from cso.certification c join cso.officer o on o.id = c.officer_id
                order by cso.readiness_urgency(c.status), c.period_end, c.officer_id
                limit ? offset ?""", (rs, i) -> {
            LocalDate end = rs.getObject("period_end", LocalDate.class);
            return new Readiness(rs.getLong("id"), rs.getString("first_name") + " " + rs.getString("last_name"),
                    rs.getString("employee_number"), rs.getString("district"), rs.getString("supervisor"),
                    rs.getString("officer_status"), rs.getString("status"), end,
                    end == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, end));
        }, size, (long) page * size);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new ReadinessPage(rows, page, (int) Math.max(1, (total + size - 1) / size), counts);
    }

    // ---- dashboards -------------------------------------------------------------------------

    /**
     * Whom a report covers: everyone ({@link #all()}), or a supervisor's unit. A supervisor's unit
     * is a short list of officers, passed to the queries as an array.
     */
    public record Scope(Long[] officerIds) {

        public static Scope all() {
            return new Scope(null);
        }

        public static Scope of(java.util.Collection<Long> officerIds) {
            return new Scope(officerIds.toArray(Long[]::new));
        }

        boolean everyone() {
            return officerIds == null;
        }
    }

    /** How many certifications were in each status at the end of a month. */
    public record MonthStatus(LocalDate month, long active, long expiring, long lapsed, long revoked) {
    }

    /**
     * Certifications by status at the end of each of the last {@code months} months (the current one
     * up to today). A certification's status at a moment is its latest status change by then; one
     * grouped query over the status changes.
     */
    @Transactional(readOnly = true)
    public List<MonthStatus> statusOverTime(int months, Scope scope) {
        LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
        LocalDate first = thisMonth.minusMonths(months - 1L);
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        Map<LocalDate, long[]> counts = new java.util.TreeMap<>();
        for (int i = 0; i < months; i++) {
            counts.put(first.plusMonths(i), new long[4]);
        }
        String sql = """
                with spans as (
                    select s.status, s.effective_at,
                           lead(s.effective_at) over (partition by s.certification_id order by s.effective_at, s.id) as until
                    from cso.certification_status_change s
                    join cso.certification c on c.id = s.certification_id
                    where (cast(? as bigint[]) is null or c.officer_id = any(cast(? as bigint[])))),
                months as (
                    select m::date as month, least(m + interval '1 month', cast(? as timestamptz)) as month_end
                    from generate_series(cast(? as timestamp), cast(? as timestamp), interval '1 month') m)
                select m.month, s.status, count(*) as certifications
                from months m join spans s on s.effective_at < m.month_end and (s.until is null or s.until >= m.month_end)
                group by m.month, s.status""";
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            java.sql.Array ids = scope.everyone() ? null : connection.createArrayOf("bigint", scope.officerIds());
            statement.setArray(1, ids);
            statement.setArray(2, ids);
            statement.setTimestamp(3, now);
            statement.setObject(4, first.atStartOfDay());
            statement.setObject(5, thisMonth.atStartOfDay());
            return statement;
        }, (RowCallbackHandler) rs -> {
            long[] row = counts.get(rs.getObject("month", LocalDate.class));
            if (row != null) {
                row[CertificationStatus.valueOf(rs.getString("status")).ordinal()] = rs.getLong("certifications");
            }
        });
        return counts.entrySet().stream()
                .map(e -> new MonthStatus(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    /** Certifications that end in a week (counted from today), for the expiry chart. */
    public record WeekCount(int week, LocalDate from, LocalDate to, long expiring) {
    }

    /** Who expires within the window: counts by week, how many in all, and the soonest {@code limit} by name. */
    public record ExpiryOutlook(int days, List<WeekCount> byWeek, long total, List<Readiness> soonest) {
    }

    @Transactional(readOnly = true)
    public ExpiryOutlook expiringWithin(int days, Scope scope, int limit) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(days);
        String where = """
                from cso.certification
                where status in ('ACTIVE', 'EXPIRING') and period_end >= ? and period_end <= ?
                  and (cast(? as bigint[]) is null or officer_id = any(cast(? as bigint[])))""";
        int weeks = (days + 6) / 7;
        long[] byWeek = new long[weeks];
        long[] total = new long[1];
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "select (period_end - cast(? as date)) / 7 as week, count(*) as expiring " + where + " group by 1");
            statement.setObject(1, today);
            bindWindow(connection, statement, 2, today, last, scope);
            return statement;
        }, (RowCallbackHandler) rs -> {
            int week = Math.min(rs.getInt("week"), weeks - 1);
            byWeek[week] += rs.getLong("expiring");
            total[0] += rs.getLong("expiring");
        });
        List<Certification> soonest = new ArrayList<>();
        List<Long> officerIds = new ArrayList<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select officer_id " + where + " order by period_end, id limit ?");
            bindWindow(connection, statement, 1, today, last, scope);
            statement.setInt(5, limit);
            return statement;
        }, (RowCallbackHandler) rs -> officerIds.add(rs.getLong("officer_id")));
        soonest.addAll(certifications.ofOfficers(officerIds));
        Map<Long, Officer> officers = people.officers(officerIds);
        List<Readiness> rows = soonest.stream().sorted(Comparator.comparing(Certification::getPeriodEnd)
                        .thenComparing(c -> officers.get(c.getOfficerId()).getFullName()))
                .map(c -> {
                    Officer o = officers.get(c.getOfficerId());
                    return new Readiness(o.getId(), o.getFullName(), o.getEmployeeNumber(), o.getDistrict(), o.getSupervisor(),
                            o.getStatus().name(), c.getStatus().name(), c.getPeriodEnd(), certifications.daysLeft(c));
                }).toList();
        List<WeekCount> weekCounts = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            LocalDate from = today.plusWeeks(i);
            LocalDate to = i == weeks - 1 ? last : from.plusDays(6);
            weekCounts.add(new WeekCount(i + 1, from, to, byWeek[i]));
        }
        return new ExpiryOutlook(days, weekCounts, total[0], rows);
    }

    private static void bindWindow(java.sql.Connection connection, java.sql.PreparedStatement statement, int first,
                                   LocalDate from, LocalDate to, Scope scope) throws java.sql.SQLException {
        java.sql.Array ids = scope.everyone() ? null : connection.createArrayOf("bigint", scope.officerIds());
        statement.setObject(first, from);
        statement.setObject(first + 1, to);
        statement.setArray(first + 2, ids);
        statement.setArray(first + 3, ids);
    }

    /** Continuing education in a category since a day: approved and pending hours, records, officers. */
    public record CategoryHours(String category, BigDecimal approvedHours, BigDecimal pendingHours, long records,
                                long officers) {
    }

    /** Continuing-education hours by category completed on or after {@code since}; one grouped query. */
    @Transactional(readOnly = true)
    public List<CategoryHours> ceHoursByCategory(LocalDate since) {
        return jdbc.query("""
                select category,
                       coalesce(sum(hours) filter (where status = 'APPROVED'), 0) as approved_hours,
                       coalesce(sum(hours) filter (where status = 'PENDING'), 0) as pending_hours,
                       count(*) filter (where status <> 'REJECTED') as records,
                       count(distinct officer_id) filter (where status <> 'REJECTED') as officers
                from cso.ce_record where completed_on >= ?
                group by category order by approved_hours desc, category""",
                (rs, i) -> new CategoryHours(rs.getString("category"), rs.getBigDecimal("approved_hours"),
                        rs.getBigDecimal("pending_hours"), rs.getLong("records"), rs.getLong("officers")), since);
    }

    // ---- exports ----------------------------------------------------------------------------

    /** A certification as the status export lists it: where it stands and the hours done in its period. */
    public record CertificationRow(Long officerId, String status, Instant statusSince, LocalDate certifiedOn,
                                   int periodNumber, LocalDate periodStart, LocalDate periodEnd, LocalDate graceUntil,
                                   BigDecimal approvedCeHours, String certificateNumber, String cohortName) {
    }

    /**
     * Every certification in the scope, handed to {@code sink} with its officer as the rows are read
     * (officers looked up a batch at a time). The hours and latest certificate come from index lookups per row.
     */
    @Transactional(readOnly = true)
    public void exportCertifications(Scope scope, BiConsumer<CertificationRow, Officer> sink) {
        OfficerBatch<CertificationRow> batch = people.batch(CertificationRow::officerId, sink);
        String sql = """
                select c.officer_id, c.status, c.status_since, c.certified_on, c.period_number, c.period_start,
                       c.period_end, c.grace_until, c.cohort_name,
                       (select coalesce(sum(r.hours), 0) from cso.ce_record r where r.officer_id = c.officer_id
                          and r.status = 'APPROVED' and r.completed_on between c.period_start and c.period_end) as ce_hours,
                       (select x.number from cso.certificate x where x.certification_id = c.id
                          order by x.period_start desc limit 1) as certificate_number
                from cso.certification c
                where (cast(? as bigint[]) is null or c.officer_id = any(cast(? as bigint[])))
                order by c.period_end, c.id""";
        jdbc.query(connection -> {
            var statement = StreamingQuery.of(sql).createPreparedStatement(connection);
            java.sql.Array ids = scope.everyone() ? null : connection.createArrayOf("bigint", scope.officerIds());
            statement.setArray(1, ids);
            statement.setArray(2, ids);
            return statement;
        }, (RowCallbackHandler) rs -> batch.add(new CertificationRow(rs.getLong("officer_id"), rs.getString("status"),
                rs.getObject("status_since", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("certified_on", LocalDate.class), rs.getInt("period_number"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getObject("grace_until", LocalDate.class), rs.getBigDecimal("ce_hours"),
                rs.getString("certificate_number"), rs.getString("cohort_name"))));
        batch.flush();
    }

    /** A continuing-education record as the export lists it. */
    public record CeRow(Long officerId, String category, String title, String provider, BigDecimal hours,
                        LocalDate completedOn, String status, String source, String recordedBy, Instant recordedAt,
                        String reviewedBy, String rejectionReason) {
    }

    /** Continuing education completed between two days (inclusive), by date, streamed with each record's officer. */
    @Transactional(readOnly = true)
    public void exportContinuingEducation(LocalDate from, LocalDate to, BiConsumer<CeRow, Officer> sink) {
        OfficerBatch<CeRow> batch = people.batch(CeRow::officerId, sink);
        jdbc.query(StreamingQuery.of("""
                select officer_id, category, title, provider, hours, completed_on, status, source, recorded_by,
                       recorded_at, reviewed_by, rejection_reason
                from cso.ce_record where completed_on between ? and ? order by completed_on, id""", from, to),
                (RowCallbackHandler) rs -> batch.add(new CeRow(rs.getLong("officer_id"), rs.getString("category"),
                        rs.getString("title"), rs.getString("provider"), rs.getBigDecimal("hours"),
                        rs.getObject("completed_on", LocalDate.class), rs.getString("status"), rs.getString("source"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("reviewed_by"), rs.getString("rejection_reason"))));
        batch.flush();
    }

    // ---- a CSO's calendar -------------------------------------------------------------------

    /** A dated item of a CSO's own calendar; {@code key} is stable, so a calendar app updates it in place. */
    public record CalendarDate(String key, LocalDate date, String summary, String description) {
    }

    /**
     * The certification dates of one officer: expiry, the end of grace, each renewal reminder and
     * the continuing-education deadline while hours are missing. Nothing once lapsed or revoked.
     * Written in the language the officer reads (their login's).
     */
    @Transactional(readOnly = true)
    public List<CalendarDate> calendarDates(Long officerId) {
        Optional<Certification> found = certifications.ofOfficer(officerId);
        if (found.isEmpty() || found.get().getStatus() == CertificationStatus.REVOKED
                || found.get().getStatus() == CertificationStatus.LAPSED) {
            return List.of();
        }
        Certification c = found.get();
        java.util.Locale locale = letters.officer(officerId);
        String period = "period-" + c.getPeriodNumber();
        String end = c.getPeriodEnd().toString();
        List<CalendarDate> dates = new ArrayList<>();
        dates.add(new CalendarDate(period + "-expires", c.getPeriodEnd(), letters.text("feed.expires", locale),
                letters.text("feed.expiresText", locale, c.getPeriodStart().toString(), end)));
        dates.add(new CalendarDate(period + "-grace", c.getGraceUntil(), letters.text("feed.grace", locale),
                letters.text("feed.graceText", locale)));
        for (CertificationRules.Reminder r : rules.reminders(Certifications.kindOf(c).name())) {
            dates.add(new CalendarDate(period + "-reminder-" + r.daysBefore(), c.getPeriodEnd().minusDays(r.daysBefore()),
                    letters.text("feed.reminder", locale, String.valueOf(r.daysBefore())),
                    letters.text("feed.reminderText", locale, end)));
        }
        ContinuingEducation.Progress progress = education.progress(people.officer(officerId), c);
        if (!progress.met()) {
            dates.add(new CalendarDate(period + "-continuing-education", c.getPeriodEnd(), letters.text("feed.ce", locale),
                    letters.text("feed.ceText", locale, letters.missing(progress, locale))));
        }
        dates.sort(Comparator.comparing(CalendarDate::date));
        return dates;
    }
}
