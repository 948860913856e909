package org.csotracker.database;

/** The embedded database cannot be started; the message says why and what to do. */
public class EmbeddedDatabaseException extends RuntimeException {
    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    EmbeddedDatabaseException(String message) {
        super(message);
    }
}
