package org.csotracker.common;

/** An upload or body of a kind that is not accepted here (415 for API clients; a field message on pages). */
public class UnsupportedMediaTypeException extends InvalidInputException {

    public UnsupportedMediaTypeException(String field, Text message) {
        super(field, message);
    }
}
