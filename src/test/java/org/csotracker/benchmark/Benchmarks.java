package org.csotracker.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark suite: {@code mvn -Pbenchmark verify}. Starts the app in its own JVM on a fresh
 * embedded PostgreSQL, loads the statewide dataset, measures every target of docs/benchmarks.md
 * with its baseline in the same run, and writes docs/benchmarks.md. Not part of the normal test run.
 */
class Benchmarks {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String PASSWORD = "bench-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final double SCALE = Double.parseDouble(System.getProperty("benchmark.scale", "1.0"));
    /** {@code -Dbenchmark.phases=bulk,reads} measures only those (e.g. while profiling one of them). */
    private static final boolean PG_STATEMENTS = Boolean.getBoolean("benchmark.pg-statements");
    private static final Set<String> PHASES = Set.of(System.getProperty("benchmark.phases", "all").split(","));

    private final Report report = new Report();

    @Test
    void measureEverything() throws Exception {
        Path work = Path.of("target/benchmark");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path data = work.resolve("data");
        List<String> args = new ArrayList<>(List.of("--csotracker.generate.scale=" + SCALE,
                "--csotracker.certification.verifications-per-minute=100000000",
                "--csotracker.hiring.anonymous-applications-per-hour=100000000"));
        if (PG_STATEMENTS) {
            args.add("--csotracker.embedded-database.server-config.shared_preload_libraries=pg_stat_statements");
        }
        try (AppUnderTest app = new AppUnderTest(data, args)) {
            double firstStart = app.start();
            report.generation(generationSeconds(data), SCALE, firstStart);
            String jdbc = "jdbc:postgresql://localhost:" + app.databasePort() + "/postgres?user=postgres";
            createStaff(jdbc);

            if (runs("hiring")) {
                statements(jdbc, "hiring", () -> hiringSteps(app, jdbc));
                pgbench(app);
            }
            if (runs("bulk")) {
                statements(jdbc, "bulk", () -> bulkResults(app, jdbc));
            }
            if (runs("reads")) {
                statements(jdbc, "reads", () -> reads(app, jdbc));
                report.rss(app.rssMegabytes());
            }
            if (runs("growth")) {
                growth(app, jdbc);
            }
            if (runs("start")) {
                app.stop();
                report.restart(app.start());
                report.rssAfterRestart(app.rssMegabytes());
            }
        }
        if (runs("certificates")) {
            report.certificates(CertificateBenchmark.run(ROUNDS));
        }
        // a partial run must not overwrite the published figures
        Path out = PHASES.contains("all") ? Path.of("docs/benchmarks.md") : work.resolve("benchmarks.md");
        Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
        assertThat(report.errors()).as("benchmark operations that failed").isZero();
    }

    private static boolean runs(String phase) {
        return PHASES.contains("all") || PHASES.contains(phase);
    }

    interface Phase {
        void run() throws Exception;
    }

    /**
     * With {@code -Dbenchmark.pg-statements=true}: the statements PostgreSQL spent the phase's time on,
     * from pg_stat_statements, in target/benchmark/pg-statements-PHASE.txt.
     */
    private static void statements(String jdbc, String phase, Phase work) throws Exception {
        if (!PG_STATEMENTS) {
            work.run();
            return;
        }
        try (Connection db = DriverManager.getConnection(jdbc)) {
            db.createStatement().execute("create extension if not exists pg_stat_statements");
            db.createStatement().execute("select pg_stat_statements_reset()");
            work.run();
            var rows = db.createStatement().executeQuery("""
                    select calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3), rows,
                      regexp_replace(query, '\\s+', ' ', 'g')
                    from pg_stat_statements order by total_exec_time desc limit 40""");
            StringBuilder out = new StringBuilder("calls\ttotal ms\tmean ms\trows\tquery\n");
            while (rows.next()) {
                out.append(rows.getLong(1)).append('\t').append(rows.getString(2)).append('\t').append(rows.getString(3))
                        .append('\t').append(rows.getLong(4)).append('\t').append(rows.getString(5)).append('\n');
            }
            Files.writeString(Path.of("target/benchmark/pg-statements-" + phase + ".txt"), out.toString());
        }
    }

    // ---- hiring steps: the app over REST vs the bare engine ---------------------------------

    private void hiringSteps(AppUnderTest app, String jdbc) throws Exception {
        int clients = 16;
        int candidatesPerClient = Integer.getInteger("benchmark.candidates", 12);
        List<Double> appRates = new ArrayList<>();
        List<Double> appP95 = new ArrayList<>();
        List<Double> bareRates = new ArrayList<>();
        int errors = 0;
        try (BareEngine bare = new BareEngine(createDatabase(jdbc, "bare_engine"))) {
            for (int round = 0; round < ROUNDS; round++) {
                int r = round;
                Load.Result bareRun = Load.run(clients, candidatesPerClient,
                        (client, i) -> bare.oneCandidate(((long) r * 1_000_000) + client * 10_000L + i));
                bareRates.add(bareRun.perSecond() * 7);
                errors += bareRun.errors();

                Client hr = Client.basic(app, "bench-hr", PASSWORD);
                long[][] ids = new long[clients][candidatesPerClient];
                Load.Result appRun = Load.run(clients, candidatesPerClient * 7, (client, i) -> {
                    int candidate = i / 7;
                    switch (i % 7) {
                        case 0 -> ids[client][candidate] = JSON.readTree(hr.ok(hr.post("/api/applications",
                                application("r" + r + "c" + client + "n" + candidate)))).get("id").asLong();
                        case 1 -> step(hr, ids[client][candidate], "screening", "{\"passed\":true}");
                        case 2 -> step(hr, ids[client][candidate], "background-check", "{\"clear\":true}");
                        case 3 -> step(hr, ids[client][candidate], "interview", "{\"panelScore\":80,\"recommendation\":\"RECOMMEND\"}");
                        case 4 -> step(hr, ids[client][candidate], "union-vetting", "{\"approved\":true}");
                        case 5 -> step(hr, ids[client][candidate], "offer", offer());
                        default -> step(hr, ids[client][candidate], "offer-response", "{\"accepted\":true}");
                    }
                });
                appRates.add(appRun.perSecond());
                appP95.add(appRun.p95Millis());
                errors += appRun.errors();
                if (appRun.firstError() != null) {
                    System.err.println("hiring: " + appRun.firstError());
                }
            }
        }
        report.hiring(Load.median(appRates), Load.median(appP95), Load.median(bareRates), errors, clients);
    }

    private static void step(Client hr, long id, String step, String body) throws Exception {
        hr.ok(hr.post("/api/candidates/" + id + "/" + step, body));
    }

    private static String application(String tag) {
        return """
                {"firstName":"Bench","lastName":"Candidate %s","email":"bench.%s.%d@example.org","languages":"English, Spanish",
                 "communityEngagementYears":4,"crisisExperienceYears":2,"education":"ASSOCIATE","ageEligible":true,
                 "workAuthorized":true,"districtPreference":"North","consent":true}""".formatted(tag, tag, System.nanoTime());
    }

    private static String offer() {
        return """
                {"startDate":"%s","district":"North","supervisor":"bench-supervisor","shiftPattern":"MON_FRI_DAY",
                 "programComponent":"COMMUNITY_ENGAGEMENT"}""".formatted(LocalDate.now().plusWeeks(3));
    }

    // ---- pgbench: the commit rate every step is bounded by ----------------------------------

    private void pgbench(AppUnderTest app) throws Exception {
        int port = app.databasePort();
        run(List.of("pgbench", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-i", "-q", "-s", "1", "postgres"));
        List<Double> tps = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String out = run(List.of("pgbench", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-N",
                    "-c", "16", "-j", "2", "-T", "10", "postgres"));
            Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            if (m.find()) {
                tps.add(Double.parseDouble(m.group(1)));
            }
        }
        report.pgbench(Load.median(tps));
    }

    // ---- bulk academy results ---------------------------------------------------------------

    private void bulkResults(AppUnderTest app, String jdbc) throws Exception {
        Client coordinator = Client.basic(app, "bench-coordinator", PASSWORD);
        JsonNode modules = JSON.readTree(coordinator.ok(coordinator.get("/api/modules")));
        List<Double> oneCoordinator = new ArrayList<>();
        List<Double> fiveCoordinators = new ArrayList<>();
        int errors = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int together : List.of(1, 5)) {
                List<Long> officers = hiredOfficers(jdbc, 1000, "BR" + round + "x" + together);
                List<Long> cohorts = new ArrayList<>();
                for (int c = 0; c < 5; c++) {
                    cohorts.add(JSON.readTree(coordinator.ok(coordinator.post("/api/cohorts", """
                            {"name":"Bench %d-%d-%d","startDate":"%s","capacity":200,"coordinator":"bench-coordinator"}"""
                            .formatted(round, c, System.nanoTime(), LocalDate.now().minusWeeks(2))))).get("id").asLong());
                }
                Load.Result enrolled = Load.run(5, 200, (client, i) -> coordinator.ok(coordinator.post(
                        "/api/cohorts/" + cohorts.get(client) + "/recruits", "{\"officerId\":" + officers.get(client * 200 + i) + "}")));
                errors += enrolled.errors();
                // one coordinator posts the 35 calls one after another; or each cohort's coordinator posts
                // their cohort's 7 modules while the other four do the same
                AtomicInteger recorded = new AtomicInteger();
                Load.Result run = Load.run(together, 35 / together, (client, i) -> {
                    int c = together == 1 ? i % 5 : client;
                    JsonNode module = modules.get(together == 1 ? i / 5 : i);
                    String body = bulkBody(module, officers.subList(c * 200, c * 200 + 200));
                    recorded.addAndGet(JSON.readTree(coordinator.ok(coordinator.post("/api/cohorts/" + cohorts.get(c) + "/results",
                            body))).get("recorded").asInt());
                });
                errors += run.errors();
                if (run.firstError() != null) {
                    System.err.println("bulk: " + run.firstError());
                }
                (together == 1 ? oneCoordinator : fiveCoordinators).add(recorded.get() / run.seconds());
            }
        }
        report.bulk(Load.median(oneCoordinator), Load.median(fiveCoordinators), errors);
    }

    private static String bulkBody(JsonNode module, List<Long> officers) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < officers.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("{\"officerId\":").append(officers.get(i))
                    .append(",\"score\":").append(75 + i % 25).append(",\"hoursAttended\":").append(module.get("hours").asInt())
                    .append(",\"assessedOn\":\"").append(LocalDate.now()).append("\",\"instructor\":\"Bench\",\"practicalPassed\":true}");
        }
        return "{\"moduleCode\":\"" + module.get("code").asText() + "\",\"rows\":[" + rows + "]}";
    }

    // ---- reads at statewide size ------------------------------------------------------------

    private void reads(AppUnderTest app, String jdbc) throws Exception {
        awaitQuietEngine(jdbc); // the hires of the write phases run as jobs: measure reads in the steady state
        int clients = 32;
        List<Client> csos = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc)) {
            var rows = db.createStatement().executeQuery(
                    "select u.username from cso.user_account u where u.username like 'gen-cso-%' order by random() limit " + clients);
            while (rows.next()) {
                csos.add(Client.session(app, rows.getString(1), "generated-password"));
            }
            var certs = db.createStatement().executeQuery("select number from cso.certificate order by random() limit 500");
            while (certs.next()) {
                numbers.add(certs.getString(1));
            }
        }
        List<Client> hr = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            hr.add(Client.session(app, "bench-hr", PASSWORD));
        }
        // the public: 32 different people, each with their own connection (one shared client would funnel
        // every request through its single selector thread and measure the load generator instead)
        List<Client> anonymous = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            anonymous.add(Client.anonymous(app));
        }
        Map<String, List<Double>> figures = new LinkedHashMap<>(); // p95 ms by endpoint, and requests/s by endpoint + "/s"
        int errors = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Load.Result me = Load.run(clients, 40, (c, i) -> csos.get(c).ok(csos.get(c).get("/api/me/certification")));
            Load.Result board = Load.run(clients, 15, (c, i) -> hr.get(c).ok(hr.get(c).get("/hiring")));
            Load.Result verify = Load.run(clients, 60, (c, i) -> anonymous.get(c).ok(anonymous.get(c).get(
                    "/api/verify/" + numbers.get(ThreadLocalRandom.current().nextInt(numbers.size())))));
            figures.computeIfAbsent("me", k -> new ArrayList<>()).add(me.p95Millis());
            figures.computeIfAbsent("board", k -> new ArrayList<>()).add(board.p95Millis());
            figures.computeIfAbsent("verify", k -> new ArrayList<>()).add(verify.p95Millis());
            figures.computeIfAbsent("me/s", k -> new ArrayList<>()).add(me.perSecond());
            figures.computeIfAbsent("board/s", k -> new ArrayList<>()).add(board.perSecond());
            figures.computeIfAbsent("verify/s", k -> new ArrayList<>()).add(verify.perSecond());
            errors += me.errors() + board.errors() + verify.errors();
            for (Load.Result r : List.of(me, board, verify)) {
                if (r.firstError() != null) {
                    System.err.println("reads: " + r.firstError());
                }
            }
        }
        report.reads(Load.median(figures.get("me")), Load.median(figures.get("board")), Load.median(figures.get("verify")), errors, clients);
        report.readRates(Load.median(figures.get("me/s")), Load.median(figures.get("board/s")), Load.median(figures.get("verify/s")));
    }

    // ---- footprint --------------------------------------------------------------------------

    private void growth(AppUnderTest app, String jdbc) throws Exception {
        Client hr = Client.basic(app, "bench-hr", PASSWORD);
        Client admin = Client.basic(app, "admin", ADMIN_PASSWORD);
        // history cleanup as a department configures it, with the time to live shortened to 0 days for
        // these instances so the cleanup the engine runs nightly can be run now
        String definition = JSON.readTree(admin.ok(admin.get("/engine-rest/process-definition/key/HiringProcess"))).get("id").asText();
        admin.ok(admin.put("/engine-rest/process-definition/" + definition + "/history-time-to-live", "{\"historyTimeToLive\":0}"));
        int lifecycles = 100;
        long before = compactDatabaseBytes(jdbc);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < lifecycles; i++) {
            long id = JSON.readTree(hr.ok(hr.post("/api/applications", application("growth" + i)))).get("id").asLong();
            step(hr, id, "screening", "{\"passed\":true}");
            step(hr, id, "background-check", "{\"clear\":true}");
            step(hr, id, "interview", "{\"panelScore\":80,\"recommendation\":\"RECOMMEND\"}");
            step(hr, id, "union-vetting", "{\"approved\":true}");
            step(hr, id, "offer", offer());
            step(hr, id, "offer-response", "{\"accepted\":true}");
            ids.add(id);
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && hiredCount(jdbc, ids) < lifecycles) {
            Thread.sleep(500);
        }
        Thread.sleep(2000); // the hire job's last writes
        long withHistory = compactDatabaseBytes(jdbc);
        admin.ok(admin.post("/engine-rest/history/cleanup?immediatelyDue=true", ""));
        deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline && historicHiringInstances(jdbc) > 0) {
            Thread.sleep(1000);
        }
        long afterCleanup = compactDatabaseBytes(jdbc);
        report.growth((withHistory - before) / (double) lifecycles / 1024.0, (afterCleanup - before) / (double) lifecycles / 1024.0,
                hiredCount(jdbc, ids), lifecycles);
    }

    /** Waits (at most 5 minutes) until the job executor has no due job left. */
    private static void awaitQuietEngine(String jdbc) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        try (Connection db = DriverManager.getConnection(jdbc)) {
            while (System.currentTimeMillis() < deadline) {
                var rows = db.createStatement().executeQuery(
                        "select count(*) from public.act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())");
                rows.next();
                if (rows.getLong(1) == 0) {
                    return;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static long historicHiringInstances(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc)) {
            var rows = db.createStatement().executeQuery("select count(*) from public.act_hi_procinst where proc_def_key_ = 'HiringProcess' and removal_time_ <= now()");
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The database's size with dead rows and free space squeezed out of every table a hiring lifecycle
     * writes (VACUUM FULL), so before and after compare live data, not how PostgreSQL reuses pages.
     */
    private static long compactDatabaseBytes(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc)) {
            List<String> tables = new ArrayList<>();
            var rows = db.createStatement().executeQuery("""
                    select schemaname || '.' || tablename from pg_tables
                    where (schemaname = 'public' and tablename like 'act_%') or (schemaname = 'cso' and tablename in
                      ('candidate', 'candidate_stage', 'audit_event', 'officer', 'user_account', 'user_role', 'notification',
                       'outgoing_mail', 'officer_revision'))""");
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            for (String table : tables) {
                db.createStatement().execute("vacuum full " + table);
            }
            var size = db.createStatement().executeQuery("select pg_database_size('postgres')");
            size.next();
            return size.getLong(1);
        }
    }

    private static long hiredCount(String jdbc, List<Long> ids) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc)) {
            var rows = db.createStatement().executeQuery("select count(*) from cso.candidate where stage = 'HIRED' and id in ("
                    + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
            rows.next();
            return rows.getLong(1);
        }
    }

    // ---- setup ------------------------------------------------------------------------------

    private static void createStaff(String jdbc) throws Exception {
        org.csotracker.support.SeparateApp.insertStaff(jdbc, PASSWORD, "Bench", java.util.Map.of(
                "bench-hr", "HR", "bench-coordinator", "COORDINATOR", "bench-supervisor", "SUPERVISOR"));
    }

    private static List<Long> hiredOfficers(String jdbc, int count, String tag) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc)) {
            var rows = db.createStatement().executeQuery("""
                    insert into cso.officer (employee_number, first_name, last_name, email, district, program_component,
                        shift_pattern, supervisor, status, hired_on, created_at)
                    select '%s-' || g, 'Recruit', 'Bench ' || g, 'recruit%s' || g || '@example.org', 'North',
                        'COMMUNITY_ENGAGEMENT', 'MON_FRI_DAY', 'bench-supervisor', 'HIRED', current_date, now()
                    from generate_series(1, %d) g returning id""".formatted(tag, tag, count));
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static String createDatabase(String jdbc, String name) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc)) {
            db.createStatement().execute("create database " + name);
        }
        return jdbc.replace("/postgres?", "/" + name + "?").replace("?user=postgres", "");
    }

    private static double generationSeconds(Path data) throws IOException {
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Matcher m = Pattern.compile("Generated dataset \\(scale [0-9.]+\\) in ([0-9.]+) s").matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
