package org.csotracker.common;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * A forward-only query read {@link #FETCH_SIZE} rows at a time. PostgreSQL uses a cursor only inside
 * a transaction (auto-commit off), so call it from a {@code @Transactional(readOnly = true)} method:
 * the rows then reach the caller's callback as they are read and a large export never sits in memory.
 */
public final class StreamingQuery {

    public static final int FETCH_SIZE = 500;

    private StreamingQuery() {
    }

    public static PreparedStatementCreator of(String sql, Object... arguments) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            new ArgumentPreparedStatementSetter(arguments).setValues(statement);
            return statement;
        };
    }
}
