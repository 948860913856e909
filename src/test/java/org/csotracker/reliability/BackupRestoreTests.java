package org.csotracker.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/backup.sh} while the app works, {@code scripts/restore.sh} into a fresh data
 * directory, the app started on it: every record and every running process instance is there,
 * and the work goes on. Runs in its own JVM (surefire execution {@code app-restart-test}).
 */
class BackupRestoreTests {

    private static final List<String> TABLES = List.of("cso.candidate", "cso.officer", "cso.user_account", "cso.recruit",
            "cso.module_result", "cso.certification", "cso.certificate", "cso.certificate_file", "cso.audit_event",
            "cso.outgoing_mail", "act_ru_execution", "act_ru_job", "act_ru_task", "act_hi_procinst");

    @TempDir
    Path work;

    @Test
    void aRestoredBackupHoldsEveryRecordAndRunningProcess() throws Exception {
        Path backup = work.resolve("csotracker.tar.gz");
        Map<String, Long> before = new java.util.LinkedHashMap<>();
        TreeSet<String> runningBefore;
        long openCandidate;
        try (AppProcess app = app("original")) {
            app.start();
            CrashRecoveryTests.createStaff(jdbc(app));
            Workload load = new Workload(List.of(app.url("")), "backup");
            load.createCohort();
            for (int i = 0; i < 10; i++) {
                load.drive(i);
            }
            new Consistency(load, jdbc(app)).awaitSettled(Duration.ofMinutes(2));
            openCandidate = applyOnly(load); // a hiring process waiting at screening
            runningBefore = running(load);
            Consistency db = new Consistency(load, jdbc(app));
            for (String table : TABLES) {
                before.put(table, db.count("select count(*) from " + table));
            }
            assertThat(runningBefore).as("certification and hiring processes run").hasSizeGreaterThan(8);

            run("scripts/backup.sh", work.resolve("original").toString(), backup.toString());
            assertThat(backup).isNotEmptyFile();
        }

        run("scripts/restore.sh", backup.toString(), work.resolve("restored").toString());
        try (AppProcess app = app("restored")) {
            app.start();
            Workload load = new Workload(List.of(app.url("")), "backup");
            Consistency db = new Consistency(load, jdbc(app));
            for (String table : TABLES) {
                assertThat(db.count("select count(*) from " + table)).as(table).isEqualTo(before.get(table));
            }
            assertThat(running(load)).isEqualTo(runningBefore);
            // the restored process goes on
            Workload.Answer screened = load.send("POST", "/api/candidates/" + openCandidate + "/screening",
                    "{\"passed\":true}", Workload.HR);
            assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
            assertThat(load.read("/api/candidates/" + openCandidate, Workload.HR).get("stage").asText())
                    .isEqualTo("BACKGROUND_CHECK");
            assertThat(load.read("/engine-rest/incident", "admin")).isEmpty();
        }
    }

    private AppProcess app(String directory) throws Exception {
        List<String> arguments = new ArrayList<>(AppProcess.commonArguments(work));
        arguments.add("--csotracker.embedded-database.data-directory=" + work.resolve(directory));
        return new AppProcess(work.resolve(directory + ".log"), AppProcess.freePort(), arguments, Map.of());
    }

    private static long applyOnly(Workload load) throws Exception {
        Workload.Answer answer = load.send("POST", "/api/applications", """
                {"firstName":"Still","lastName":"Waiting","email":"still-waiting@example.org","phone":"206-555-0100",
                 "languages":"English","communityEngagementYears":4,"crisisExperienceYears":2,"education":"ASSOCIATE",
                 "ageEligible":true,"workAuthorized":true,"districtPreference":"South","statement":"Ready.",
                 "preferredLanguage":"en","consent":true}""", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get("id").asLong();
    }

    private static TreeSet<String> running(Workload load) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode instance : load.read("/engine-rest/process-instance?maxResults=100000", "admin")) {
            ids.add(instance.get("id").asText() + " " + instance.get("definitionId").asText() + " "
                    + instance.path("businessKey").asText());
        }
        return ids;
    }

    private static String jdbc(AppProcess app) throws Exception {
        return "jdbc:postgresql://localhost:" + app.databasePort() + "/postgres?user=postgres";
    }

    private void run(String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(work, "script", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(script + " finished").isTrue();
        assertThat(process.exitValue()).as(script + ": " + Files.readString(output)).isZero();
    }
}
