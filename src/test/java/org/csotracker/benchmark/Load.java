package org.csotracker.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a number of clients, each doing operations in a loop, and measures every operation. */
final class Load {

    /** One client's work: returns normally on success, throws on an error. */
    interface Operation {
        void run(int client, int iteration) throws Exception;
    }

    record Result(int operations, int errors, double seconds, double p50Millis, double p95Millis, double p99Millis,
                  String firstError) {
        double perSecond() {
            return operations / seconds;
        }
    }

    /** No load phase runs longer than this, however slow the machine (-Dbenchmark.phase-seconds). */
    static final long PHASE_SECONDS = Long.getLong("benchmark.phase-seconds", 180);

    /**
     * Each of {@code clients} threads runs {@code perClient} operations, or fewer when the phase
     * reaches {@link #PHASE_SECONDS}: the result counts what was done in the time.
     */
    static Result run(int clients, int perClient, Operation operation) throws Exception {
        List<List<Long>> latencies = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + PHASE_SECONDS * 1_000_000_000L;
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> own = new ArrayList<>(perClient);
                for (int i = 0; i < perClient && System.nanoTime() < deadline; i++) {
                    long begin = System.nanoTime();
                    try {
                        operation.run(client, i);
                    } catch (Exception e) {
                        if (errors.getAndIncrement() == 0) {
                            firstError[0] = e.toString();
                        }
                    }
                    own.add(System.nanoTime() - begin);
                }
                return own;
            }));
        }
        for (Future<List<Long>> f : futures) {
            latencies.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        return new Result(all.size(), errors.get(), seconds, percentile(all, 50), percentile(all, 95), percentile(all, 99),
                firstError[0]);
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
