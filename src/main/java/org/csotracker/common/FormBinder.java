package org.csotracker.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a submitted HTML form into the same validated record the API takes, so pages and API
 * share one set of rules. Errors come back per field, in words for the person at the form.
 */
@Component
public class FormBinder {

    private final ObjectMapper json;
    private final Validator validator;
    private final MessageSource messages;

    FormBinder(ObjectMapper json, Validator validator, MessageSource messages) {
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
        this.messages = messages;
    }

    /** A bound form: the record when valid, and the errors by field name (empty when valid). */
    public record Bound<T>(T value, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public <T> Bound<T> bind(Map<String, String> form, Class<T> type) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (value != null && !value.isBlank() && !field.startsWith("_")) {
                values.put(field, value.strip());
            }
        });
        T value;
        try {
            value = json.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? mapping.getPath().get(0).getFieldName() : "form";
            return new Bound<>(null, Map.of(field, Text.of("invalid.notValid").in(messages)));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return new Bound<>(errors.isEmpty() ? value : null, errors);
    }

    /**
     * Adds a business error (400 field errors, 409 conflicts, 429) to a form's errors, in the reader's
     * language; other errors propagate.
     */
    public void addTo(Map<String, String> errors, RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            invalid.errors().forEach(f -> errors.put(f.field(), f.message().in(messages)));
        } else if (e instanceof ConflictException conflict) {
            errors.put("form", conflict.text().in(messages));
        } else if (e instanceof TooManyRequestsException tooMany) {
            errors.put("form", tooMany.text().in(messages));
        } else {
            throw e;
        }
    }

    /** A message in the reader's language. */
    public String say(Text text) {
        return text.in(messages);
    }
}
