package org.csotracker.common;

import java.time.Duration;

/** A client went over a rate limit (429); {@code retryAfter} says when to try again. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
