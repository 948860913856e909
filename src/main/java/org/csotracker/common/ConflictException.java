package org.csotracker.common;

import java.util.Map;

/**
 * The request is valid but clashes with the current state: a duplicate, a step that is not open,
 * a stale update (409). {@code properties} become extra members of the problem body.
 */
public class ConflictException extends RuntimeException {

    private final Text text;
    private final Map<String, Object> properties;

    public ConflictException(Text text) {
        this(text, Map.of());
    }

    public ConflictException(Text text, Map<String, Object> properties) {
        super(text.english());
        this.text = text;
        this.properties = Map.copyOf(properties);
    }

    public Text text() {
        return text;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
