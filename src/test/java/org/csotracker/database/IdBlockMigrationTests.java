package org.csotracker.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import jakarta.persistence.SequenceGenerator;
import org.csotracker.academy.ModuleResult;
import org.csotracker.audit.AuditEvent;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15 hands the ids of audit events and module results to Hibernate's pooled optimizer, which takes
 * each nextval v as the top of a block of ids (v - 49 .. v). On a department's database that already
 * holds audit events, the first block must lie above every existing id, or the first write after the
 * upgrade would fail with a duplicate key.
 */
class IdBlockMigrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void theFirstBlockAfterTheUpgradeLiesAboveEveryExistingId() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedDatabaseSettings(dataDirectory, true, 0, Map.of()))) {
            migrate(server, "14");
            try (Connection db = DriverManager.getConnection(server.jdbcUrl())) {
                db.createStatement().execute("""
                        insert into cso.audit_event (occurred_at, actor, subject_type, subject_id, action, details)
                        select now(), 'hr', 'Candidate', g::text, 'APPLIED', 'before the upgrade' from generate_series(1, 120) g""");
                long highest = queryLong(db, "select max(id) from cso.audit_event");

                migrate(server, null);

                int allocation = AuditEvent.class.getDeclaredField("id").getAnnotation(SequenceGenerator.class).allocationSize();
                assertThat(queryLong(db, "select increment_by from pg_sequences where sequencename = 'audit_event_id_seq'"))
                        .as("the sequence steps as far as Hibernate allocates").isEqualTo(allocation);
                assertThat(queryLong(db, "select increment_by from pg_sequences where sequencename = 'module_result_id_seq'"))
                        .isEqualTo(ModuleResult.class.getDeclaredField("id").getAnnotation(SequenceGenerator.class).allocationSize());
                long top = queryLong(db, "select nextval('cso.audit_event_id_seq')");
                assertThat(top - allocation + 1).as("lowest id of the first block").isGreaterThan(highest);

                // a plain SQL insert (the data generator) still gets an id of its own
                long inserted = queryLong(db, """
                        insert into cso.audit_event (occurred_at, actor, subject_type, subject_id, action, details)
                        values (now(), 'sql', 'Candidate', '1', 'NOTE', 'after the upgrade') returning id""");
                assertThat(inserted).isGreaterThan(top);
            }
        }
    }

    private static void migrate(EmbeddedPostgresServer server, String target) {
        var flyway = Flyway.configure().dataSource(server.jdbcUrl(), null, null).schemas("cso").defaultSchema("cso")
                .createSchemas(true).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private static long queryLong(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
