package org.csotracker.common;

import java.util.List;

/** Input that fails a business rule the annotations cannot express (400, naming the fields). */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input" : errors.get(0).field() + ": " + errors.get(0).message().english());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, Text message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field; {@code field} may be a path such as {@code rows[3].score}. */
    public record FieldError(String field, Text message) {
    }
}
