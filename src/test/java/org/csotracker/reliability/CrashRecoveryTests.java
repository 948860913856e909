package org.csotracker.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app is killed ({@code kill -9}) twice while 200 candidates go through hiring, the academy
 * and certification, and is started again each time on the same data directory. Afterwards
 * nothing confirmed is lost, nothing exists twice and the engine has nothing stuck.
 * Runs in its own JVM (surefire execution {@code app-restart-test}).
 */
class CrashRecoveryTests {

    private static final int CANDIDATES = 200;
    private static final int CLIENTS = 8;

    @TempDir
    Path work;

    @Test
    void killedTwiceMidwayLosesAndDuplicatesNothing() throws Exception {
        Path data = work.resolve("postgres");
        List<String> arguments = new ArrayList<>(AppProcess.commonArguments(work));
        arguments.add("--csotracker.embedded-database.data-directory=" + data);
        try (AppProcess app = new AppProcess(work.resolve("app.log"), AppProcess.freePort(), arguments, Map.of())) {
            app.start();
            log("started");
            createStaff(jdbc(app));
            Workload load = new Workload(List.of(app.url("")), "crash");
            load.createCohort();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> drivers = new ArrayList<>();
            for (int i = 0; i < CANDIDATES; i++) {
                int candidate = i;
                drivers.add(clients.submit(() -> {
                    load.drive(candidate);
                    return null;
                }));
            }
            // two crashes: a third of the way and two thirds of the way through the calls
            int expectedCalls = CANDIDATES * 9;
            for (int crash = 1; crash <= 2; crash++) {
                while (load.answered.get() < expectedCalls * crash / 3 && !allDone(drivers)) {
                    Thread.sleep(100);
                }
                app.kill();
                log("killed after " + load.answered.get() + " answered calls");
                Thread.sleep(1000);
                app.start();
                log("restarted");
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("all candidates driven").isTrue();
            for (Future<?> driver : drivers) {
                driver.get();
            }
            assertThat(load.unanswered.get()).as("calls made while the app was down").isPositive();

            log("all candidates driven, " + load.answered.get() + " answered calls, " + load.unanswered.get() + " unanswered");
            Consistency consistency = new Consistency(load, jdbc(app));
            consistency.awaitSettled(Duration.ofMinutes(2));
            log("settled");
            consistency.assertAll();
            assertThat(load.candidates).hasSize(CANDIDATES);
            assertThat(load.officers).hasSize(CANDIDATES * 8 / 10);
        }
    }

    private static final long BEGIN = System.nanoTime();

    static void log(String what) {
        System.out.printf("%6.1f s  %s%n", (System.nanoTime() - BEGIN) / 1e9, what);
    }

    private static boolean allDone(List<Future<?>> drivers) {
        return drivers.stream().allMatch(Future::isDone);
    }

    private static String jdbc(AppProcess app) throws Exception {
        return "jdbc:postgresql://localhost:" + app.databasePort() + "/postgres?user=postgres";
    }

    /** HR, coordinator and supervisor logins (the app has no user-administration API yet). */
    static void createStaff(String jdbc) throws Exception {
        org.csotracker.support.SeparateApp.insertStaff(jdbc, Workload.PASSWORD, "Reliability", java.util.Map.of(
                Workload.HR, "HR", Workload.COORDINATOR, "COORDINATOR", Workload.SUPERVISOR, "SUPERVISOR"));
    }
}
