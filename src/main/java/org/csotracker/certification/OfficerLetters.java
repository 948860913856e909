package org.csotracker.certification;

import java.util.Locale;
import java.util.stream.Collectors;

import org.csotracker.people.People;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Texts of the mails and notifications officers and supervisors get, in the language of their login. */
@Component
class OfficerLetters {

    private final MessageSource messages;
    private final People people;

    OfficerLetters(MessageSource messages, People people) {
        this.messages = messages;
        this.people = people;
    }

    /** The language an officer reads: their login's, English without a login. */
    Locale officer(Long officerId) {
        return Locale.forLanguageTag(people.languageOfOfficer(officerId));
    }

    /** The language of a staff login (a supervisor), English for an unknown login. */
    Locale user(String username) {
        return Locale.forLanguageTag(username == null ? "en" : people.languageOf(username).orElse("en"));
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The translation of a catalog title (a module or a category), or the title itself. */
    String title(String key, String title, Locale locale) {
        return messages.getMessage(key, null, title, locale);
    }

    /** What continuing education is still missing, e.g. "8 of 16 h Midyear continuing-education program". */
    String missing(ContinuingEducation.Progress progress, Locale locale) {
        return progress.lines().stream().filter(l -> !l.met())
                .map(l -> text("mail.missing.line", locale, l.done().stripTrailingZeros().toPlainString(),
                        String.valueOf(l.required()), categoryTitle(l, locale)))
                .collect(Collectors.joining(", "));
    }

    private String categoryTitle(ContinuingEducation.Line line, Locale locale) {
        return messages.getMessage("ce.category." + line.category(), null, line.title(), locale);
    }
}
