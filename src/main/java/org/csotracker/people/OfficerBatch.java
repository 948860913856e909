package org.csotracker.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Rows of another module's streaming export, handed on with their officer: the officers of each
 * batch are read in one query, so an export of any size needs neither a join into this module's
 * tables nor more memory than one batch. Call {@link #flush()} after the last row.
 */
public final class OfficerBatch<T> {

    public static final int SIZE = 500;

    private final People people;
    private final Function<T, Long> officerId;
    private final BiConsumer<T, Officer> sink;
    private final List<T> rows = new ArrayList<>(SIZE);

    OfficerBatch(People people, Function<T, Long> officerId, BiConsumer<T, Officer> sink) {
        this.people = people;
        this.officerId = officerId;
        this.sink = sink;
    }

    public void add(T row) {
        rows.add(row);
        if (rows.size() >= SIZE) {
            flush();
        }
    }

    public void flush() {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, Officer> officers = people.officers(rows.stream().map(officerId).distinct().toList());
        for (T row : rows) {
            sink.accept(row, officers.get(officerId.apply(row)));
        }
        rows.clear();
    }
}
