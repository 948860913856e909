package org.csotracker.common;

/** The thing asked for does not exist, or the caller may not know that it does (404). */
public class NotFoundException extends RuntimeException {

    private final Text text;

    public NotFoundException(Text text) {
        super(text.english());
        this.text = text;
    }

    /** {@code what} names the kind of record: a key {@code record.<what>} in the message bundles. */
    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(Text.of("problem.notFound", Text.of("record." + what), String.valueOf(id)));
    }

    public Text text() {
        return text;
    }
}
