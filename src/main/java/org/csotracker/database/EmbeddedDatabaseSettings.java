package org.csotracker.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL started inside the app when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where PostgreSQL keeps its files; survives restarts
 * @param ephemeral     a fresh, throw-away database (tests): the directory is wiped on start and stop
 * @param port          0 picks a free port at each start
 */
@ConfigurationProperties("csotracker.embedded-database")
public record EmbeddedDatabaseSettings(
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port) {
}
