package org.csotracker.database;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDirectory;

    @Test
    void secondServerOnTheSameDirectoryFailsAtOnceAndHarmsNothing() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings())) {
            execute(first, "create table kept (n int); insert into kept values (42)");

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(settings()))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running CSO Tracker");

            assertThat(queryInt(first, "select n from kept")).isEqualTo(42);
        }
    }

    @Test
    void dataSurvivesAStopAndStart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings())) {
            execute(server, "create table kept (n int); insert into kept values (7)");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings())) {
            assertThat(queryInt(server, "select n from kept")).isEqualTo(7);
        }
    }

    @Test
    void startsAfterTheAppWasKilledAndItsPostgresLeftRunning() throws Exception {
        Process app = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                OrphanedPostgres.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // wait for the child to have written its row
            }
            assertThat(line).as("child JVM output").isEqualTo("READY");
        }
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: PostgreSQL lives on
        assertThat(Files.exists(dataDirectory.resolve("postmaster.pid"))).isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings())) {
            try (var connection = DriverManager.getConnection(server.jdbcUrl());
                 ResultSet rows = connection.createStatement().executeQuery("select name from survivor")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the crash");
            }
        }
    }

    private EmbeddedDatabaseSettings settings() {
        return new EmbeddedDatabaseSettings(dataDirectory, false, 0, java.util.Map.of());
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl())) {
            connection.createStatement().execute(sql);
        }
    }

    private static int queryInt(EmbeddedPostgresServer server, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl());
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
