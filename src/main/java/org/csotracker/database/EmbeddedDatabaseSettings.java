package org.csotracker.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL started inside the app when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where PostgreSQL keeps its files; survives restarts
 * @param ephemeral     a fresh, throw-away database (tests): the directory is wiped on start and stop
 * @param port          0 picks a free port at each start
 * @param serverConfig  more postgresql.conf settings, e.g. {@code shared_preload_libraries: pg_stat_statements}
 *                      to see which statements the database spends its time on
 */
@ConfigurationProperties("csotracker.embedded-database")
public record EmbeddedDatabaseSettings(
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port,
        Map<String, String> serverConfig) {

    public EmbeddedDatabaseSettings {
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
