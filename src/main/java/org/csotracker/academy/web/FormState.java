package org.csotracker.academy.web;

import java.util.Map;

/**
 * What one form on a page shows: the values in its fields and the errors next to them. Pages
 * with several forms keep one state per form, so an error in one never shows in another.
 */
public record FormState(Map<String, String> values, Map<String, String> errors) {

    static final FormState EMPTY = new FormState(Map.of(), Map.of());

    static FormState of(Map<String, String> values) {
        return new FormState(values, Map.of());
    }

    public String value(String name) {
        return values.get(name);
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }

    /** A message for the form as a whole (a conflict with the current state), or null. */
    public String formError() {
        return errors.get("form");
    }
}
