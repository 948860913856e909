package org.csotracker.documents;

import java.util.List;

import org.csotracker.common.InvalidInputException;

/**
 * Text with characters a certificate cannot show: scripts other than Latin, Greek, Cyrillic, Armenian and Georgian
 * (for example Chinese, Arabic or Hebrew), emoji, or anything else without a glyph in the embedded fonts. Thrown
 * before anything is drawn, so no certificate is ever produced with missing or garbled letters.
 */
public class UnprintableTextException extends InvalidInputException {

    private final String field;
    private final List<String> characters;

    /**
     * @param field      the input field, e.g. {@code holderName} or {@code modules[2].title}
     * @param characters the characters that cannot be shown, each once, in order of appearance
     */
    public UnprintableTextException(String field, List<String> characters) {
        super(field, org.csotracker.common.Text.of("invalid.unprintable", describe(characters)));
        this.field = field;
        this.characters = List.copyOf(characters);
    }

    public String field() {
        return field;
    }

    public List<String> characters() {
        return characters;
    }

    private static String describe(List<String> characters) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < characters.size(); i++) {
            String character = characters.get(i);
            if (i > 0) {
                text.append(", ");
            }
            text.append('"').append(character).append("\" (")
                    .append(String.format("U+%04X", character.codePointAt(0))).append(')');
        }
        return text.toString();
    }
}
