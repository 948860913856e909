package org.csotracker.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns input text into text the certificate fonts can draw: NFC-normalised (precomposed accented letters),
 * control and formatting characters (line breaks, tabs, zero-width and bidirectional controls) replaced by a
 * space or removed, runs of spaces collapsed. Text is only ever drawn as text, so markup such as
 * {@code <script>} is printed literally. Characters of other scripts than Latin, Greek, Cyrillic, Armenian and
 * Georgian (Chinese, Arabic, Hebrew, ...), characters without a glyph, and emoji raise
 * {@link UnprintableTextException}.
 */
final class PrintableText {

    private static final int TEXT_PRESENTATION = 0xFE0E;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    private PrintableText() {
    }

    /**
     * Emoji and other pictographs (U+1F000 and up: mahjong and playing cards, emoticons, pictographs, flags,
     * skin tones). DejaVu Sans has black-and-white glyphs for some of them, but they have no place in a name
     * or a module title on a certificate, so they are refused like characters without a glyph.
     */
    private static boolean isPictograph(int codePoint) {
        return codePoint >= 0x1F000 && codePoint <= 0x1FAFF;
    }

    /**
     * Scripts that print correctly glyph by glyph, left to right. DejaVu Sans also has Hebrew, Arabic, N'Ko or
     * Lao glyphs, but PDFBox neither reorders right-to-left text nor shapes joined letters, so such text would
     * come out reversed or broken: it is refused instead.
     */
    private static boolean isSimpleScript(int codePoint) {
        return switch (Character.UnicodeScript.of(codePoint)) {
            case LATIN, GREEK, CYRILLIC, ARMENIAN, GEORGIAN, COMMON, INHERITED -> true;
            default -> false;
        };
    }

    /**
     * @param field the input field, named in the exception
     * @return the cleaned text, {@code ""} for {@code null}
     * @throws UnprintableTextException when a character has no glyph in the certificate fonts
     */
    static String clean(String field, String text, CertificateFonts fonts) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        Set<String> unprintable = new LinkedHashSet<>();
        boolean pendingSpace = false;
        for (int i = 0; i < normalized.length(); ) {
            int codePoint = normalized.codePointAt(i);
            i += Character.charCount(codePoint);
            switch (Character.getType(codePoint)) {
                case Character.CONTROL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                        Character.PARAGRAPH_SEPARATOR -> {
                    pendingSpace = out.length() > 0;
                    continue;
                }
                // zero-width characters, soft hyphens, bidirectional overrides, lone surrogates: never drawn
                case Character.FORMAT, Character.SURROGATE -> {
                    continue;
                }
                case Character.PRIVATE_USE, Character.UNASSIGNED -> {
                    unprintable.add(Character.toString(codePoint));
                    continue;
                }
                default -> {
                }
            }
            if (codePoint == TEXT_PRESENTATION) {
                continue; // asks for the plain glyph, which is what is drawn anyway
            }
            if (codePoint == EMOJI_PRESENTATION) {
                // asks for the previous character as a colour emoji (as in ❤️), which a certificate cannot print
                if (out.length() > 0 && !pendingSpace) {
                    int previous = out.codePointBefore(out.length());
                    out.setLength(out.length() - Character.charCount(previous));
                    unprintable.add(Character.toString(previous) + Character.toString(codePoint));
                }
                continue;
            }
            if (isPictograph(codePoint) || !isSimpleScript(codePoint) || !fonts.canShow(codePoint)) {
                unprintable.add(Character.toString(codePoint));
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(codePoint);
        }
        if (!unprintable.isEmpty()) {
            throw new UnprintableTextException(field, new ArrayList<>(unprintable));
        }
        return out.toString();
    }

    /** Cleans a required field: blank after cleaning is invalid input. */
    static String required(String field, String text, CertificateFonts fonts) {
        String cleaned = clean(field, text, fonts);
        if (cleaned.isEmpty()) {
            throw new org.csotracker.common.InvalidInputException(field, org.csotracker.common.Text.of("invalid.required"));
        }
        return cleaned;
    }
}
