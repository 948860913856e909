package org.csotracker.common;

import java.time.Duration;

/** A client went over a rate limit (429); {@code retryAfter} says when to try again. */
public class TooManyRequestsException extends RuntimeException {

    private final Text text;
    private final Duration retryAfter;

    public TooManyRequestsException(Text text, Duration retryAfter) {
        super(text.english());
        this.text = text;
        this.retryAfter = retryAfter;
    }

    public Text text() {
        return text;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
