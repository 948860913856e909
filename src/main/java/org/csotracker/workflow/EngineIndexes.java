package org.csotracker.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for queries it runs on every step. The engine creates its
 * tables itself after Flyway has run, so these are added once it has built them; {@code if not
 * exists} makes every later start a no-op.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    /** Completing or deleting any task looks for its subtasks by parent: a full scan of ACT_RU_TASK without this. */
    static final String TASK_PARENT = "create index if not exists csotracker_idx_task_parent on act_ru_task (parent_task_id_)"
            + " where parent_task_id_ is not null";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection db = engine.getProcessEngineConfiguration().getDataSource().getConnection();
             Statement statement = db.createStatement()) {
            statement.execute(TASK_PARENT);
            if (!db.getAutoCommit()) {
                db.commit();
            }
        } catch (SQLException e) {
            // a missing index makes some steps slower, never wrong: start anyway and say so
            log.warn("Could not add the engine index on act_ru_task (parent_task_id_): {}", e.getMessage());
        }
    }
}
