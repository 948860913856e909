package org.csotracker.common;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Words for a person, kept as a key of {@code messages.properties} and its arguments so each reader
 * gets them in their own language: domain code raises errors with a Text, and the page or API that
 * shows the error translates it. An argument that is itself a Text is translated too (a stage, a
 * status, the kind of record). Numbers meant as identifiers should be passed as strings, or
 * MessageFormat groups their digits.
 */
public final class Text implements MessageSourceResolvable, Serializable {

    /** The English bundle, for logs and exception messages outside any request. */
    private static final ResourceBundleMessageSource ENGLISH = englishBundle();

    private final String key;
    private final Object[] args;

    private Text(String key, Object[] args) {
        this.key = key;
        this.args = args;
    }

    public static Text of(String key, Object... args) {
        return new Text(key, args.clone());
    }

    /** Words already in the reader's language (a bean-validation message, say): shown as they are. */
    public static Text verbatim(String words) {
        return new Text("text.verbatim", new Object[] {words});
    }

    public String key() {
        return key;
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    /** In the language of the current request (English outside one). */
    public String in(MessageSource messages) {
        return messages.getMessage(this, LocaleContextHolder.getLocale());
    }

    public String english() {
        return ENGLISH.getMessage(this, Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && key.equals(text.key) && Arrays.equals(args, text.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    private static ResourceBundleMessageSource englishBundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(true);
        return source;
    }
}
