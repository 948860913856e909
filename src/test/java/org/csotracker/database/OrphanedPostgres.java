package org.csotracker.database;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTests}: starts the embedded server on a data
 * directory, writes a row, says READY and waits to be killed with SIGKILL (as a crashed app would be).
 */
public final class OrphanedPostgres {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedDatabaseSettings(Path.of(args[0]), false, 0, java.util.Map.of()));
        try (var connection = DriverManager.getConnection(server.jdbcUrl());
             var statement = connection.createStatement()) {
            statement.execute("create table survivor (name text)");
            statement.execute("insert into survivor values ('written before the crash')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
