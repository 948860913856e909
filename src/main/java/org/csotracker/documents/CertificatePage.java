package org.csotracker.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.csotracker.common.InvalidInputException;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * Draws the one landscape Letter page of a certificate and saves it as PDF/A-2b (XMP identification, sRGB
 * output intent, embedded font subsets, no transparency). Layout, top to bottom: department and unit, title,
 * program, the holder's name, a statement, the modules with hours and a total, then certificate number and
 * dates (left), signature lines (centre) and the verification QR code with its URL (right).
 */
final class CertificatePage {

    static final PDRectangle LANDSCAPE_LETTER = new PDRectangle(PDRectangle.LETTER.getHeight(),
            PDRectangle.LETTER.getWidth());
    private static final float W = LANDSCAPE_LETTER.getWidth();
    private static final float H = LANDSCAPE_LETTER.getHeight();
    private static final float CENTER = W / 2;

    private static final float[] NAVY = {0.086f, 0.176f, 0.349f};
    private static final float[] GOLD = {0.706f, 0.553f, 0.231f};
    private static final float[] DARK_GOLD = {0.545f, 0.412f, 0.145f};
    private static final float[] INK = {0.12f, 0.12f, 0.14f};
    private static final float[] GREY = {0.36f, 0.37f, 0.41f};
    private static final float[] LIGHT_GREY = {0.62f, 0.63f, 0.66f};
    private static final float[] PAPER = {0.992f, 0.984f, 0.957f};
    private static final float[] WHITE = {1f, 1f, 1f};
    private static final float[] BLACK = {0f, 0f, 0f};

    private static final String PRODUCER = "CSO Tracker (Apache PDFBox)";

    private static final byte[] SRGB = java.awt.color.ICC_Profile
            .getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();

    /** The certificate's text, already cleaned and checked (see {@link PrintableText}). */
    record Text(String number, String holderName, CertificateContent.Kind kind, String program, String department,
            String unit, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, List<Module> modules,
            List<Signer> signatories, String verificationUrl, CertificateWording words) {

        String title() {
            return kind == CertificateContent.Kind.RENEWAL ? words.renewal() : words.completion();
        }

        int totalHours() {
            return modules.stream().mapToInt(Module::hours).sum();
        }
    }

    record Module(String title, int hours) {
    }

    record Signer(String name, String title) {
    }

    private final CertificateFonts fonts;
    private PDPageContentStream out;
    private PDFont regular;
    private PDFont bold;
    private CertificateWording words;

    private CertificatePage(CertificateFonts fonts) {
        this.fonts = fonts;
    }

    /** The unsigned PDF/A-2b document. */
    static byte[] render(Text text, CertificateFonts fonts, Calendar createdAt) throws IOException {
        return new CertificatePage(fonts).draw(text, createdAt, true);
    }

    /** The same page without PDF/A metadata: the benchmark's baseline of plain PDFBox drawing. */
    static byte[] renderPlain(Text text, CertificateFonts fonts, Calendar createdAt) throws IOException {
        return new CertificatePage(fonts).draw(text, createdAt, false);
    }

    private byte[] draw(Text text, Calendar createdAt, boolean pdfA) throws IOException {
        this.words = text.words();
        try (PDDocument document = new PDDocument()) {
            document.setVersion(1.7f);
            regular = fonts.regular(document);
            bold = fonts.bold(document);
            PDPage page = new PDPage(LANDSCAPE_LETTER);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                out = stream;
                frame();
                float y = header(text);
                y = holder(text, y);
                modules(text, y);
                details(text);
                signatures(text);
                qrCode(text.verificationUrl());
            }
            if (pdfA) {
                pdfA(document, text, createdAt);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(48 * 1024);
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    // --- page furniture -----------------------------------------------------------------------------------

    private void frame() throws IOException {
        fill(PAPER);
        out.addRect(20, 20, W - 40, H - 40);
        out.fill();

        stroke(NAVY, 5f);
        out.addRect(24, 24, W - 48, H - 48);
        out.stroke();
        stroke(GOLD, 1.4f);
        out.addRect(32, 32, W - 64, H - 64);
        out.stroke();
        stroke(NAVY, 0.5f);
        out.addRect(36, 36, W - 72, H - 72);
        out.stroke();

        for (float[] corner : new float[][] {{32, 32}, {W - 32, 32}, {32, H - 32}, {W - 32, H - 32}}) {
            fill(NAVY);
            diamond(corner[0], corner[1], 8);
            fill(GOLD);
            diamond(corner[0], corner[1], 4);
        }
    }

    private void diamond(float x, float y, float r) throws IOException {
        out.moveTo(x, y - r);
        out.lineTo(x + r, y);
        out.lineTo(x, y + r);
        out.lineTo(x - r, y);
        out.closePath();
        out.fill();
    }

    /** A gold rosette with a navy centre and a gold star, where no module table fills the middle. */
    private void seal(float x, float y, float r) throws IOException {
        if (r < 20) {
            return;
        }
        fill(GOLD);
        int points = 64;
        for (int i = 0; i < points; i++) {
            double angle = Math.PI * 2 * i / points;
            float radius = i % 2 == 0 ? r : r * 0.93f;
            float px = x + (float) (Math.cos(angle) * radius);
            float py = y + (float) (Math.sin(angle) * radius);
            if (i == 0) {
                out.moveTo(px, py);
            } else {
                out.lineTo(px, py);
            }
        }
        out.closePath();
        out.fill();
        fill(NAVY);
        circle(x, y, r * 0.8f);
        out.fill();
        stroke(GOLD, 1f);
        circle(x, y, r * 0.72f);
        out.stroke();
        fill(GOLD);
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + Math.PI * i / 5;
            float radius = i % 2 == 0 ? r * 0.5f : r * 0.2f;
            float px = x + (float) (Math.cos(angle) * radius);
            float py = y + (float) (Math.sin(angle) * radius);
            if (i == 0) {
                out.moveTo(px, py);
            } else {
                out.lineTo(px, py);
            }
        }
        out.closePath();
        out.fill();
    }

    private void circle(float x, float y, float r) throws IOException {
        float k = 0.5523f * r;
        out.moveTo(x + r, y);
        out.curveTo(x + r, y + k, x + k, y + r, x, y + r);
        out.curveTo(x - k, y + r, x - r, y + k, x - r, y);
        out.curveTo(x - r, y - k, x - k, y - r, x, y - r);
        out.curveTo(x + k, y - r, x + r, y - k, x + r, y);
        out.closePath();
    }

    private void ornament(float y, float halfWidth) throws IOException {
        stroke(GOLD, 0.8f);
        out.moveTo(CENTER - halfWidth, y);
        out.lineTo(CENTER - 9, y);
        out.moveTo(CENTER + 9, y);
        out.lineTo(CENTER + halfWidth, y);
        out.stroke();
        fill(GOLD);
        diamond(CENTER, y, 4);
    }

    // --- text blocks --------------------------------------------------------------------------------------

    /** Department, unit, title and program; returns the baseline below. */
    private float header(Text text) throws IOException {
        float size = fit("departmentName", bold, text.department(), 15, 9, 620);
        centered(bold, size, NAVY, text.department(), 538);
        if (!text.unit().isEmpty()) {
            float unitSize = fit("unitName", regular, text.unit(), 10.5f, 7, 620);
            centered(regular, unitSize, GREY, text.unit(), 523);
        }
        ornament(text.unit().isEmpty() ? 518 : 508, 80);
        centered(bold, 34, NAVY, text.title(), 466);
        float programSize = fit("program", regular, text.program(), 15, 9, 620);
        centered(regular, programSize, DARK_GOLD, text.program(), 443);
        return 412;
    }

    /** "This certifies that", the name (one or two lines), its rule and the statement. */
    private float holder(Text text, float y) throws IOException {
        centered(regular, 11, GREY, text.words().certifies(), y);
        String name = text.holderName();
        float maxWidth = 600;
        float size = fitOrZero(bold, name, 30, 18, maxWidth);
        float nameBottom;
        float ruleWidth;
        if (size > 0) {
            centered(bold, size, INK, name, y - 38);
            nameBottom = y - 38;
            ruleWidth = width(bold, size, name);
        } else {
            String[] lines = splitInTwo(name);
            size = lines == null ? 0 : Math.min(fitOrZero(bold, lines[0], 20, 13, maxWidth),
                    fitOrZero(bold, lines[1], 20, 13, maxWidth));
            if (size <= 0) {
                throw new InvalidInputException("holderName", org.csotracker.common.Text.of("invalid.tooLongForCertificate"));
            }
            centered(bold, size, INK, lines[0], y - 28);
            centered(bold, size, INK, lines[1], y - 28 - size * 1.15f);
            nameBottom = y - 28 - size * 1.15f;
            ruleWidth = Math.max(width(bold, size, lines[0]), width(bold, size, lines[1]));
        }
        float half = Math.min(Math.max(ruleWidth / 2 + 30, 190), 330);
        stroke(GOLD, 0.8f);
        out.moveTo(CENTER - half, nameBottom - 10);
        out.lineTo(CENTER + half, nameBottom - 10);
        out.stroke();
        String statement = text.kind() == CertificateContent.Kind.RENEWAL
                ? text.words().completedRenewal() : text.words().completedAcademy();
        centered(regular, 10.5f, GREY, statement, nameBottom - 28);
        return nameBottom - 28;
    }

    private static String[] splitInTwo(String text) {
        int middle = text.length() / 2;
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return best < 0 ? null : new String[] {text.substring(0, best), text.substring(best + 1)};
    }

    /** The modules table with its heading and total, centred between {@code top} and the bottom zone. */
    private void modules(Text text, float top) throws IOException {
        List<Module> modules = text.modules();
        float bottom = 166;
        if (modules.isEmpty()) {
            seal(CENTER, (top - 14 + bottom) / 2, Math.min(52, (top - 14 - bottom) / 2 - 6));
            return;
        }
        float headingHeight = 20;
        float totalHeight = 24;
        Table table = table(modules, top - 14 - bottom - headingHeight - totalHeight);
        float blockHeight = headingHeight + table.rows * table.lineHeight + totalHeight;
        float blockTop = top - 14 - ((top - 14 - bottom) - blockHeight) / 2;

        String heading = text.kind() == CertificateContent.Kind.RENEWAL ? text.words().continuingEducationHeading()
                : text.words().modulesHeading();
        centered(bold, 9, DARK_GOLD, heading, blockTop - 9);
        float tableWidth = table.columns * table.columnWidth + (table.columns - 1) * table.gap;
        float left = CENTER - tableWidth / 2;
        float firstBaseline = blockTop - headingHeight - table.lineHeight * 0.72f;
        for (int i = 0; i < modules.size(); i++) {
            int column = i / table.rows;
            int row = i % table.rows;
            float x = left + column * (table.columnWidth + table.gap);
            float y = firstBaseline - row * table.lineHeight;
            Module module = modules.get(i);
            String hours = text.words().hours(module.hours());
            float hoursWidth = width(regular, table.fontSize, hours);
            float titleSize = table.titleSizes.get(i);
            text(regular, titleSize, INK, module.title(), x, y);
            text(regular, table.fontSize, INK, hours, x + table.columnWidth - hoursWidth, y);
            float dotsFrom = x + width(regular, titleSize, module.title()) + 4;
            float dotsTo = x + table.columnWidth - hoursWidth - 4;
            if (dotsTo - dotsFrom > 6) {
                stroke(LIGHT_GREY, 0.7f);
                out.setLineCapStyle(1);
                out.setLineDashPattern(new float[] {0.01f, 2.6f}, 0);
                out.moveTo(dotsFrom, y + 1);
                out.lineTo(dotsTo, y + 1);
                out.stroke();
                out.setLineDashPattern(new float[] {}, 0);
                out.setLineCapStyle(0);
            }
        }
        float ruleY = blockTop - headingHeight - table.rows * table.lineHeight - 4;
        stroke(GOLD, 0.6f);
        float half = Math.max(tableWidth / 2, 120);
        out.moveTo(CENTER - half, ruleY);
        out.lineTo(CENTER + half, ruleY);
        out.stroke();
        centered(bold, 10, INK, text.words().total(text.totalHours()), ruleY - 14);
    }


    private static final class Table {
        int columns;
        int rows;
        float columnWidth;
        float gap;
        float lineHeight;
        float fontSize;
        List<Float> titleSizes;
    }

    /** One to three columns, the fewest in which every title fits at a readable size. */
    private Table table(List<Module> modules, float height) throws IOException {
        for (int columns = 1; columns <= 3; columns++) {
            Table table = new Table();
            table.columns = columns;
            table.rows = (modules.size() + columns - 1) / columns;
            table.gap = columns == 1 ? 0 : 28;
            table.columnWidth = switch (columns) {
                case 1 -> 380;
                case 2 -> 300;
                default -> 200;
            };
            table.lineHeight = Math.min(16, height / table.rows);
            table.fontSize = Math.min(10, table.lineHeight * 0.72f);
            if (table.fontSize < 6) {
                continue;
            }
            if (columns == 1 && modules.size() > 7) {
                continue;
            }
            table.titleSizes = new ArrayList<>();
            for (Module module : modules) {
                float room = table.columnWidth - width(regular, table.fontSize, words.hours(module.hours())) - 12;
                float size = fitOrZero(regular, module.title(), table.fontSize, Math.max(6, table.fontSize * 0.8f),
                        room);
                if (size <= 0) {
                    table.titleSizes = null;
                    break;
                }
                table.titleSizes.add(size);
            }
            if (table.titleSizes != null) {
                return table;
            }
        }
        throw new InvalidInputException("modules", org.csotracker.common.Text.of("invalid.modulesDoNotFit"));
    }

    /** Certificate number and dates, bottom left. */
    private void details(Text text) throws IOException {
        float x = 62;
        float y = 150;
        CertificateWording words = text.words();
        y = detail("number", words.number(), text.number(), x, y);
        y = detail("issuedOn", words.issued(), words.dates().format(text.issuedOn()), x, y);
        if (text.validFrom() != null) {
            y = detail("validFrom", words.validFrom(), words.dates().format(text.validFrom()), x, y);
        }
        if (text.validUntil() != null) {
            detail("validUntil", words.validUntil(), words.dates().format(text.validUntil()), x, y);
        }
    }

    private float detail(String field, String label, String value, float x, float y) throws IOException {
        text(regular, 7, GREY, label, x, y);
        float size = fit(field, bold, value, 9.5f, 6.5f, 140);
        text(bold, size, INK, value, x, y - 11.5f);
        return y - 27;
    }

    /** Signature lines with name and title (each up to two lines), centred between the details and the QR code. */
    private void signatures(Text text) throws IOException {
        List<Signer> signers = text.signatories();
        if (signers.isEmpty()) {
            return;
        }
        float slot = Math.min(190, 368f / signers.size());
        float left = CENTER - slot * signers.size() / 2;
        float lineY = 104;
        for (int i = 0; i < signers.size(); i++) {
            Signer signer = signers.get(i);
            float middle = left + slot * i + slot / 2;
            float lineHalf = slot / 2 - 9;
            stroke(INK, 0.7f);
            out.moveTo(middle - lineHalf, lineY);
            out.lineTo(middle + lineHalf, lineY);
            out.stroke();
            float y = lineY - 13;
            Lines name = lines("signatories[" + i + "].name", bold, signer.name(), 9.5f, 7, lineHalf * 2 + 8);
            for (String line : name.lines()) {
                text(bold, name.size(), INK, line, middle - width(bold, name.size(), line) / 2, y);
                y -= name.size() * 1.2f;
            }
            if (!signer.title().isEmpty()) {
                y -= 0.5f;
                Lines title = lines("signatories[" + i + "].title", regular, signer.title(), 8, 6, lineHalf * 2 + 8);
                for (String line : title.lines()) {
                    text(regular, title.size(), GREY, line, middle - width(regular, title.size(), line) / 2, y);
                    y -= title.size() * 1.2f;
                }
            }
        }
    }

    /** Text set on one line, or else on two, at the largest size that fits. */
    private record Lines(float size, List<String> lines) {
    }

    private static Lines lines(String field, PDFont font, String text, float preferred, float min, float maxWidth)
            throws IOException {
        float size = fitOrZero(font, text, preferred, min, maxWidth);
        if (size > 0) {
            return new Lines(size, List.of(text));
        }
        String[] two = splitInTwo(text);
        if (two != null) {
            size = Math.min(fitOrZero(font, two[0], preferred, min, maxWidth),
                    fitOrZero(font, two[1], preferred, min, maxWidth));
            if (size > 0) {
                return new Lines(size, List.of(two));
            }
        }
        throw new InvalidInputException(field, org.csotracker.common.Text.of("invalid.tooLongForCertificate"));
    }

    /** The QR code as vector rectangles, with the URL printed small under it. */
    private void qrCode(String url) throws IOException {
        ByteMatrix matrix = qrMatrix(url);
        float size = 78;
        float module = size / matrix.getWidth();
        float x = 644;
        float y = 76;
        float quiet = module * 4; // the quiet zone QR readers expect
        fill(WHITE);
        out.addRect(x - quiet, y - quiet, size + 2 * quiet, size + 2 * quiet);
        out.fill();
        fill(BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (matrix.get(column, row) != 1) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row) == 1) {
                    column++;
                }
                // a run of dark modules as one rectangle; rows overlap a hair so no seams show when rasterised
                out.addRect(x + start * module, y + size - (row + 1) * module - 0.02f, (column - start) * module,
                        module + 0.04f);
            }
        }
        out.fill();

        float centerX = x + size / 2;
        text(regular, 6.5f, GREY, words.scanToVerify(), centerX - width(regular, 6.5f, words.scanToVerify()) / 2,
                y + size + quiet + 5);
        List<String> lines = wrapUrl(url, 5.5f, 134);
        if (lines.size() > 3) {
            throw new InvalidInputException("verificationUrl", org.csotracker.common.Text.of("invalid.tooLongForQr"));
        }
        float lineY = y - quiet - 8;
        for (String line : lines) {
            text(regular, 5.5f, GREY, line, centerX - width(regular, 5.5f, line) / 2, lineY);
            lineY -= 7;
        }
    }

    private static ByteMatrix qrMatrix(String url) {
        try {
            EnumMap<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(url)) {
                hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            }
            QRCode code = Encoder.encode(url, ErrorCorrectionLevel.M, hints);
            return code.getMatrix();
        } catch (WriterException | IllegalArgumentException e) {
            throw new InvalidInputException("verificationUrl", org.csotracker.common.Text.of("invalid.qr", e.getMessage()));
        }
    }

    /** Breaks a URL into lines no wider than {@code maxWidth}, preferably after '/', '?', '&' or '='. */
    private List<String> wrapUrl(String url, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = url;
        while (!rest.isEmpty()) {
            if (width(regular, size, rest) <= maxWidth) {
                lines.add(rest);
                break;
            }
            int fits = 1;
            while (fits < rest.length() && width(regular, size, rest.substring(0, fits + 1)) <= maxWidth) {
                fits++;
            }
            int breakAt = fits;
            for (int i = fits; i > fits / 2; i--) {
                char c = rest.charAt(i - 1);
                if (c == '/' || c == '?' || c == '&' || c == '=' || c == '-') {
                    breakAt = i;
                    break;
                }
            }
            lines.add(rest.substring(0, breakAt));
            rest = rest.substring(breakAt);
        }
        return lines;
    }

    // --- PDF/A ----------------------------------------------------------------------------------------------

    private static void pdfA(PDDocument document, Text text, Calendar createdAt) throws IOException {
        String title = text.title() + " \u2013 " + text.holderName();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(text.department());
        info.setSubject(text.program());
        info.setCreator("CSO Tracker");
        info.setProducer(PRODUCER);
        info.setCreationDate(createdAt);
        info.setModificationDate(createdAt);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(text.words().languageTag());
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title, text.department(), text.program(), createdAt));
        catalog.setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static byte[] xmp(String title, String author, String subject, Calendar createdAt) {
        String date = xmpDate(createdAt);
        String xml = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:creator><rdf:Seq><rdf:li>" + escape(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(subject)
                + "</rdf:li></rdf:Alt></dc:description>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "   <xmp:CreatorTool>CSO Tracker</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "   <pdf:Producer>" + PRODUCER + "</pdf:Producer>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String xmpDate(Calendar calendar) {
        return java.time.OffsetDateTime.ofInstant(calendar.toInstant(), calendar.getTimeZone().toZoneId())
                .withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // --- drawing helpers ------------------------------------------------------------------------------------

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /** The largest size from {@code preferred} down to {@code min} at which the text fits; 0 if none. */
    private static float fitOrZero(PDFont font, String text, float preferred, float min, float maxWidth)
            throws IOException {
        float natural = font.getStringWidth(text) / 1000f;
        if (natural <= 0) {
            return preferred;
        }
        float size = Math.min(preferred, maxWidth / natural);
        size = (float) Math.floor(size * 4) / 4; // quarter points keep the content stream short
        return size >= min ? size : 0;
    }

    private static float fit(String field, PDFont font, String text, float preferred, float min, float maxWidth)
            throws IOException {
        float size = fitOrZero(font, text, preferred, min, maxWidth);
        if (size <= 0) {
            throw new InvalidInputException(field, org.csotracker.common.Text.of("invalid.tooLongForCertificate"));
        }
        return size;
    }

    private void centered(PDFont font, float size, float[] color, String text, float y) throws IOException {
        text(font, size, color, text, CENTER - width(font, size, text) / 2, y);
    }

    private void text(PDFont font, float size, float[] color, String text, float x, float y) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        fill(color);
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private void fill(float[] color) throws IOException {
        out.setNonStrokingColor(color[0], color[1], color[2]);
    }

    private void stroke(float[] color, float lineWidth) throws IOException {
        out.setStrokingColor(color[0], color[1], color[2]);
        out.setLineWidth(lineWidth);
    }
}
