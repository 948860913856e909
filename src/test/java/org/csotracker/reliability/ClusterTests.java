package org.csotracker.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on loopback ports against one PostgreSQL server (started by
 * {@code scripts/cluster-db.sh}): the load is spread over both nodes, both job executors run jobs
 * and timers, the records end consistent, and the same record edited on both nodes at once gives
 * one success and a 409 problem, never a 500 and never a lost update.
 * Runs in its own JVM (surefire execution {@code app-restart-test}).
 */
class ClusterTests {

    private static final int CANDIDATES = 60;
    private static final int CLIENTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private String databaseDirectory;
    private String url;
    private int port;

    @BeforeEach
    void startDatabase() throws Exception {
        for (String line : script("start").split("\n")) {
            if (line.startsWith("DIR=")) {
                databaseDirectory = line.substring(4);
            } else if (line.startsWith("URL=")) {
                url = line.substring(4);
            } else if (line.startsWith("PORT=")) {
                port = Integer.parseInt(line.substring(5));
            }
        }
        assertThat(url).as("JDBC URL from cluster-db.sh").isNotNull();
    }

    @AfterEach
    void stopDatabase() throws Exception {
        if (databaseDirectory != null) {
            script("stop", databaseDirectory);
        }
    }

    @Test
    void twoNodesShareTheWorkAndNeitherLosesAnUpdate() throws Exception {
        try (AppProcess a = node("node-a"); AppProcess b = node("node-b")) {
            a.start(); // the first node creates the schemas; the second finds them
            b.start();
            CrashRecoveryTests.createStaff(jdbc());
            Workload load = new Workload(List.of(a.url(""), b.url("")), "cluster");
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
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            for (Future<?> driver : drivers) {
                driver.get();
            }
            Consistency consistency = new Consistency(load, jdbc());
            consistency.awaitSettled(Duration.ofMinutes(2));
            consistency.assertAll();

            // both job executors worked: hires, cohort-end timers and certificates
            Map<String, Long> jobsByNode = new HashMap<>();
            for (String[] row : consistency.rows("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 "
                    + "and job_def_type_ like 'timer%' group by 1")) {
                jobsByNode.put(row[0], Long.parseLong(row[1]));
            }
            assertThat(jobsByNode).as("timers executed per node").containsOnlyKeys("node-a", "node-b");
            assertThat(consistency.count("select count(distinct hostname_) from act_hi_job_log where job_state_ = 2 "
                    + "and job_def_type_ = 'async-continuation'")).as("nodes that ran asynchronous service tasks").isEqualTo(2);

            concurrentDecisionsOnOneCandidate(a, b, load);
            concurrentRevisionsOfOneModule(a, b, consistency);
        }
    }

    /** HR on node A passes a candidate's screening while HR on node B rejects it: one wins, the other gets 409. */
    private void concurrentDecisionsOnOneCandidate(AppProcess a, AppProcess b, Workload load) throws Exception {
        Workload viaA = new Workload(List.of(a.url("")), "cluster-a");
        Workload viaB = new Workload(List.of(b.url("")), "cluster-b");
        for (int i = 0; i < 10; i++) {
            long id = JSON.readTree(viaA.send("POST", "/api/applications", application(i), null).body()).get("id").asLong();
            List<Workload.Answer> answers = atOnce(
                    () -> viaA.send("POST", "/api/candidates/" + id + "/screening", "{\"passed\":true}", Workload.HR),
                    () -> viaB.send("POST", "/api/candidates/" + id + "/screening",
                            "{\"passed\":false,\"reasonCode\":\"MINIMUM_QUALIFICATIONS_NOT_MET\"}", Workload.HR));
            assertThat(answers).extracting(Workload.Answer::status).as("candidate %d: %s", id, answers)
                    .containsExactlyInAnyOrder(200, 409);
            Workload.Answer lost = answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow();
            assertThat(JSON.readTree(lost.body()).get("detail").asText()).as("a clear message").isNotBlank();
            boolean passWon = answers.get(0).status() == 200;
            String stage = load.read("/api/candidates/" + id, Workload.HR).get("stage").asText();
            assertThat(stage).as("the winner's decision stands").isEqualTo(passWon ? "BACKGROUND_CHECK" : "REJECTED");
        }
    }

    /** The same module revised on both nodes at once: every accepted revision is kept as its own version. */
    private void concurrentRevisionsOfOneModule(AppProcess a, AppProcess b, Consistency db) throws Exception {
        Workload viaA = new Workload(List.of(a.url("")), "cluster-a");
        Workload viaB = new Workload(List.of(b.url("")), "cluster-b");
        for (int i = 0; i < 10; i++) {
            String titleA = "Self-defense (A" + i + ")";
            String titleB = "Self-defense (B" + i + ")";
            List<Workload.Answer> answers = atOnce(
                    () -> viaA.send("PUT", "/api/modules/SELF-DEFENSE", module(titleA), Workload.COORDINATOR),
                    () -> viaB.send("PUT", "/api/modules/SELF-DEFENSE", module(titleB), Workload.COORDINATOR));
            for (int n = 0; n < 2; n++) {
                Workload.Answer answer = answers.get(n);
                assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
                String title = n == 0 ? titleA : titleB;
                long stored = db.count("select count(*) from cso.training_module where code = 'SELF-DEFENSE' and title = ?", title);
                if (answer.status() == 200) {
                    assertThat(stored).as("accepted revision %s kept", title).isEqualTo(1);
                } else {
                    assertThat(stored).as("refused revision %s not half-saved", title).isZero();
                    assertThat(JSON.readTree(answer.body()).get("detail").asText()).isNotBlank();
                }
            }
            assertThat(answers).extracting(Workload.Answer::status).as("one revision at least is accepted").contains(200);
        }
        assertThat(db.rows("select version from cso.training_module where code = 'SELF-DEFENSE' group by 1 having count(*) > 1"))
                .isEmpty();
    }

    @SafeVarargs
    private static List<Workload.Answer> atOnce(Callable<Workload.Answer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<Workload.Answer>> futures = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (Callable<Workload.Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Workload.Answer> answers = new ArrayList<>();
            for (Future<Workload.Answer> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String application(int i) {
        return """
                {"firstName":"Contested","lastName":"Candidate %d","email":"contested-%d@example.org","phone":"206-555-0100",
                 "languages":"English","communityEngagementYears":4,"crisisExperienceYears":2,"education":"ASSOCIATE",
                 "ageEligible":true,"workAuthorized":true,"districtPreference":"South","statement":"Ready.",
                 "preferredLanguage":"en","consent":true}""".formatted(i, i);
    }

    private static String module(String title) {
        return """
                {"title":"%s","description":"Defensive tactics","hours":16,"weekFrom":7,"weekTo":8,"passingScore":70,
                 "practicalRequired":true,"active":true}""".formatted(title);
    }

    /**
     * One signing key for the whole cluster, as docs/operations.md asks: a key generated by each node
     * would sign certificates the other node does not recognize (and two nodes generating one into a
     * shared directory race).
     */
    private Path signingKeystore() throws Exception {
        Path keystore = work.resolve("cluster-signing.p12");
        if (!Files.exists(keystore)) {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "cso-tracker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "365",
                    "-dname", "CN=CSO Tracker cluster test", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD).inheritIO().start();
            assertThat(keytool.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(keytool.exitValue()).as("keytool").isZero();
        }
        return keystore;
    }

    private static final String KEYSTORE_PASSWORD = "cluster-keystore-password";

    private AppProcess node(String name) throws Exception {
        List<String> arguments = new ArrayList<>(AppProcess.commonArguments(work));
        arguments.add("--csotracker.certificates.keystore=" + signingKeystore());
        arguments.add("--csotracker.certificates.keystore-password=" + KEYSTORE_PASSWORD);
        // each node names itself in the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_), which only history
        // level "full" writes (the app runs on "audit"; a new database takes the level of its first start)
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        arguments.add("--camunda.bpm.history-level=full");
        return new AppProcess(work.resolve(name + ".log"), AppProcess.freePort(), arguments,
                Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", ""));
    }

    private String jdbc() {
        return url + "?user=postgres";
    }

    private String script(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/cluster-db.sh"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(work, "cluster-db", ".log");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("cluster-db.sh " + String.join(" ", arguments)).isZero();
        return Files.readString(output);
    }
}
