package org.csotracker.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Puts the embedded database's own explanation at the top of a failed start, not under a bean-creation trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        String action = cause instanceof DataDirectoryInUseException
                ? "Stop the other instance, or set CSOTRACKER_DATA_DIR to another directory, or SPRING_DATASOURCE_URL to an external PostgreSQL."
                : "Check the data directory (CSOTRACKER_DATA_DIR) and the log above; see docs/operations.md.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
