package org.csotracker.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans and DejaVu Sans Bold, bundled in {@code documents/fonts/} (see the licence file there), read and
 * parsed once per process and embedded into each certificate as subsets.
 *
 * <p>PDFBox 3 applies the fonts' GSUB ligatures ("fi" becomes one glyph) when it draws text, which makes text
 * extractors such as poppler's {@code pdftotext} read "Certiﬁcate". The GSUB table is hidden from PDFBox here
 * (its tag is renamed in the table directory of our in-memory copy), so every character is drawn as its own
 * glyph. Input is NFC-normalised first, so accented letters use the fonts' precomposed glyphs and need no GSUB.
 * The embedded subsets never contain GSUB anyway.
 *
 * <p>The parsed fonts are shared by all threads (parsing one per certificate would add about 1 ms of CPU per
 * face): every table is read here once, up front, so embedding only reads finished tables; glyph outlines are
 * read under PDFBox's own lock (PDFBOX-4219, PDFBOX-5460), and the subsetter copies glyph data from a private
 * stream over the in-memory font bytes.
 */
final class CertificateFonts {

    private static final String DIRECTORY = "/documents/fonts/";

    private final Face regular;
    private final Face bold;

    private CertificateFonts() {
        regular = new Face(read("DejaVuSans.ttf"));
        bold = new Face(read("DejaVuSans-Bold.ttf"));
    }

    private static final class Holder {
        private static final CertificateFonts INSTANCE = new CertificateFonts();
    }

    static CertificateFonts get() {
        return Holder.INSTANCE;
    }

    PDType0Font regular(PDDocument document) throws IOException {
        return regular.embed(document);
    }

    PDType0Font bold(PDDocument document) throws IOException {
        return bold.embed(document);
    }

    /** Whether both faces have a glyph for the code point (all text may be drawn in either face). */
    boolean canShow(int codePoint) {
        return regular.hasGlyph(codePoint) && bold.hasGlyph(codePoint);
    }

    private static byte[] read(String name) {
        try (InputStream in = CertificateFonts.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("Font " + DIRECTORY + name + " is missing from the classpath");
            }
            return hideGsub(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + name, e);
        }
    }

    /** Renames the 'GSUB' entry of the TrueType table directory to 'gsub', which no reader looks for. */
    static byte[] hideGsub(byte[] font) {
        int tables = ((font[4] & 0xff) << 8) | (font[5] & 0xff);
        byte[] gsub = "GSUB".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0, record = 12; i < tables && record + 16 <= font.length; i++, record += 16) {
            if (font[record] == gsub[0] && font[record + 1] == gsub[1] && font[record + 2] == gsub[2]
                    && font[record + 3] == gsub[3]) {
                byte[] copy = font.clone();
                System.arraycopy("gsub".getBytes(StandardCharsets.US_ASCII), 0, copy, record, 4);
                return copy;
            }
        }
        return font;
    }

    private static final class Face {

        private final TrueTypeFont font;
        private final CmapLookup cmap;

        Face(byte[] bytes) {
            try {
                font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                // read every table now, so threads sharing this font only ever read finished tables
                font.getHeader();
                font.getHorizontalHeader();
                font.getMaximumProfile();
                font.getHorizontalMetrics();
                font.getIndexToLocation();
                font.getPostScript();
                font.getOS2Windows();
                font.getNaming();
                font.getCmap();
                font.getGlyph();
                font.getKerning();
                font.getVerticalHeader();
                font.getVerticalMetrics();
                font.getGsubData();
                cmap = font.getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot parse a certificate font", e);
            }
        }

        PDType0Font embed(PDDocument document) throws IOException {
            return PDType0Font.load(document, font, true);
        }

        boolean hasGlyph(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }
    }
}
