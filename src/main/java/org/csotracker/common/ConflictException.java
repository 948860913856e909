package org.csotracker.common;

import java.util.Map;

/**
 * The request is valid but clashes with the current state: a duplicate, a step that is not open,
 * a stale update (409). {@code properties} become extra members of the problem body.
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
