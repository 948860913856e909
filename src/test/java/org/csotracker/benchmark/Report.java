package org.csotracker.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.csotracker.benchmark.Benchmarks.format;

/** Collects the measurements and writes docs/benchmarks.md. */
final class Report {

    private record Row(String what, String target, String measured, String baseline, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int errors;
    private String generation = "";

    int errors() {
        return errors;
    }

    void generation(double seconds, double scale, double firstStart) {
        generation = "Dataset at scale " + scale + " (1.0 = 100,000 officers, 50,000 candidates, 1,000,000 module results, "
                + "300,000 CE records, 200,000 certificates) generated in **" + format(seconds) + " s**; first start on an "
                + "empty data directory including the generation took " + format(firstStart) + " s.";
    }

    void hiring(double rate, double p95, double bareRate, int errs, int clients) {
        errors += errs;
        rows.add(new Row("Hiring steps through the REST API, " + clients + " concurrent clients",
                "≥ 0.75 × bare engine, p95 ≤ 150 ms, 0 errors",
                format(rate) + " steps/s, p95 " + format(p95) + " ms, " + errs + " errors",
                "bare engine " + format(bareRate) + " steps/s → ratio " + String.format("%.2f", rate / bareRate),
                rate >= 0.75 * bareRate && p95 <= 150 && errs == 0 ? "met" : "missed"));
    }

    void pgbench(double tps) {
        rows.add(new Row("pgbench simple-update (-N), 16 clients, same PostgreSQL", "baseline (b)",
                format(tps) + " TPS", "the commit-rate limit every step is bounded by", "baseline"));
    }

    void bulk(double oneCoordinator, double fiveCoordinators, int errs) {
        errors += errs;
        rows.add(new Row("Bulk academy results, 1,000 recruits × 7 modules (35 bulk calls of 200 rows), each cohort's "
                + "coordinator posting their cohort's modules while the other four do the same",
                "≥ 300 results/s, all-or-nothing kept", format(fiveCoordinators) + " results/s",
                "one coordinator posting all 35 calls one after another: " + format(oneCoordinator) + " results/s",
                fiveCoordinators >= 300 && errs == 0 ? "met" : "missed"));
    }

    void reads(double me, double board, double verify, int errs, int clients) {
        errors += errs;
        rows.add(new Row("CSO \"my certification\" API at statewide size, " + clients + " clients", "p95 ≤ 30 ms",
                "p95 " + format(me) + " ms", "—", me <= 30 && errs == 0 ? "met" : "missed"));
        rows.add(new Row("HR pipeline board page at statewide size, " + clients + " clients", "p95 ≤ 150 ms",
                "p95 " + format(board) + " ms", "—", board <= 150 && errs == 0 ? "met" : "missed"));
        rows.add(new Row("Public verification API at statewide size, " + clients + " clients", "p95 ≤ 20 ms",
                "p95 " + format(verify) + " ms", "—", verify <= 20 && errs == 0 ? "met" : "missed"));
        if (errs > 0) {
            notes.add(errs + " read requests failed.");
        }
    }

    /** Closed-loop clients: the p95 above is about clients ÷ these rates, so the rates say what the machine served. */
    void readRates(double me, double board, double verify) {
        notes.add("Reads served (requests per second, same runs): my certification " + format(me) + ", board " + format(board)
                + ", verification " + format(verify) + ". The clients send their next request as soon as the last is answered, "
                + "so p95 ≈ clients ÷ rate: the latencies measure how much the 2 cores (shared with PostgreSQL and the "
                + "load generator) serve.");
    }

    void rss(long megabytes) {
        rows.add(new Row("App RSS after the load", "≤ 700 MB", megabytes + " MB", "JVM only, PostgreSQL not counted",
                megabytes <= 700 ? "met" : "missed"));
    }

    void rssAfterRestart(long megabytes) {
        notes.add("RSS right after a restart: " + megabytes + " MB.");
    }

    void restart(double seconds) {
        rows.add(new Row("Start with an existing data directory", "≤ 15 s", format(seconds) + " s", "—",
                seconds <= 15 ? "met" : "missed"));
    }

    void growth(double withHistory, double afterCleanup, long hired, int lifecycles) {
        rows.add(new Row("Database growth per completed candidate lifecycle (application → hired), once history cleanup "
                + "has removed the finished process history", "≤ 60 KB",
                format(afterCleanup) + " KB (" + hired + "/" + lifecycles + " hired)",
                format(withHistory) + " KB while the history is kept (until its time to live)",
                afterCleanup <= 60 && hired == lifecycles ? "met" : "missed"));
    }

    void certificates(CertificateBenchmark.Result result) {
        if (result == null) {
            notes.add("Certificate benchmark not run.");
            return;
        }
        rows.add(new Row("Certificates: signed PDF/A with QR, 2 threads", "≥ 100/s, ≥ 0.5 × plain PDFBox, ≤ 60 KB each",
                format(result.signedPerSecond()) + "/s, " + result.signedKilobytes() + " KB each",
                "plain PDFBox " + format(result.plainPerSecond()) + "/s → ratio "
                        + String.format("%.2f", result.signedPerSecond() / result.plainPerSecond()),
                result.signedPerSecond() >= 100 && result.signedPerSecond() >= 0.5 * result.plainPerSecond()
                        && result.signedKilobytes() <= 60 ? "met" : "missed"));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured on ").append(LocalDate.now()).append(" on a machine with ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; the app, its embedded PostgreSQL and the load ")
                .append("generator (a Java HTTP client in a separate JVM, on loopback) share them. Each figure is the median of ")
                .append(System.getProperty("benchmark.rounds", "3")).append(" runs; baselines are measured in the same run, so ")
                .append("the ratios hold even though absolute numbers drift on these shared machines.\n\n");
        md.append("Reproduce: `mvn -Pbenchmark verify` (writes this file; about 20 minutes on 2 cores). ")
                .append("Smaller: `mvn -Pbenchmark verify -Dbenchmark.scale=0.1 -Dbenchmark.rounds=1`.\n\n");
        md.append(generation).append("\n\n");
        md.append("| what | target | measured | baseline (same run) | verdict |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.what()).append(" | ").append(r.target()).append(" | ").append(r.measured()).append(" | ")
                    .append(r.baseline()).append(" | ").append(r.verdict()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append(Analysis.TEXT);
        return md.toString();
    }
}
