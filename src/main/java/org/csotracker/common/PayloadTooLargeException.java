package org.csotracker.common;

/** An upload over its size limit (413 for API clients; a field message on pages). */
public class PayloadTooLargeException extends InvalidInputException {

    public PayloadTooLargeException(String field, Text message) {
        super(field, message);
    }
}
