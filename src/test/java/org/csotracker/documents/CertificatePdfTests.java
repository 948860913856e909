package org.csotracker.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.csotracker.common.InvalidInputException;
import org.csotracker.documents.CertificateContent.Kind;
import org.csotracker.documents.CertificateContent.ModuleLine;
import org.csotracker.documents.CertificateContent.Signatory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificate PDFs: readable text (PDFBox and poppler), a QR code that scans, PDF/A-2b per veraPDF, and a
 * signature that detects tampering. The classes are built directly: the signing key is generated in memory
 * (one per test class, as generating RSA keys is slow), except where the key directory is under test.
 * Rendered pages are written to {@code target/certificates/} as PNG for people to look at.
 */
class CertificatePdfTests {

    private static final String DEPARTMENT = "Seattle Police Department";
    private static final String URL = "https://cso.example.org/verify/CSO-2025-00042?c=7f3a9b2e41d0";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-13T17:30:00Z"), ZoneOffset.UTC);

    private static CertificateSigningKey key;
    private static CertificatePdf certificates;
    private static byte[] sample;

    @BeforeAll
    static void createSigner() {
        key = CertificateSigningKey.inMemory(DEPARTMENT);
        certificates = new CertificatePdf(key, CLOCK);
        sample = certificates.render(content("Maria Delgado-Reyes", Kind.ACADEMY_COMPLETION));
    }

    static CertificateContent content(String holderName, Kind kind) {
        return new CertificateContent("CSO-2025-00042", holderName, kind, "Community Service Officer Academy",
                DEPARTMENT, "Collaborative Policing Bureau", LocalDate.of(2025, 6, 13), LocalDate.of(2025, 6, 13),
                LocalDate.of(2027, 6, 12),
                List.of(new ModuleLine("Community Engagement and Outreach", 40),
                        new ModuleLine("Crisis Intervention and De-escalation", 32),
                        new ModuleLine("Report Writing and Documentation", 24),
                        new ModuleLine("Victim Support Services", 24),
                        new ModuleLine("Traffic Control and Scene Safety", 16),
                        new ModuleLine("First Aid, CPR and Naloxone", 16),
                        new ModuleLine("Ethics and Professional Conduct", 8),
                        new ModuleLine("Radio Procedures", 8)),
                List.of(new Signatory("Shon Barnes", "Chief of Police"),
                        new Signatory("Dr. Linh Pham", "Academy Director"),
                        new Signatory("Eric Greening", "CSO Program Manager")),
                URL);
    }

    // --- content ------------------------------------------------------------------------------------------

    @Test
    void showsTheCertificateTextToPdfBox() throws IOException {
        String text = pdfBoxText(sample);
        assertThat(text).contains("Certificate of Completion", "Community Service Officer Academy",
                "Maria Delgado-Reyes", "CSO-2025-00042", DEPARTMENT, "Collaborative Policing Bureau",
                "Crisis Intervention and De-escalation", "32 hours", "First Aid, CPR and Naloxone",
                "Total: 168 hours", "June 13, 2025", "June 12, 2027", "Shon Barnes", "Chief of Police",
                "CSO Program Manager");
        assertThat(text.replaceAll("\\R", "")).as("the URL, wrapped under the QR code").contains(URL);
        writePng("completion", sample);
    }

    @Test
    void showsTheCertificateTextToPoppler() throws Exception {
        String text = pdftotext(sample);
        if (text == null) {
            return; // poppler-utils missing: scripts/test-tools.sh installs it for CI
        }
        assertThat(text).contains("Certificate of Completion", "Maria Delgado-Reyes", "CSO-2025-00042",
                "Crisis Intervention and De-escalation", "First Aid, CPR and Naloxone", "Total: 168 hours",
                "Shon Barnes");
        assertThat(text).doesNotContain("\uFB01", "\uFB02"); // no "fi"/"fl" ligature glyphs
    }

    @Test
    void renewalSaysSo() throws IOException {
        byte[] pdf = certificates.render(content("Jordan Lee", Kind.RENEWAL));
        assertThat(pdfBoxText(pdf)).contains("Certificate of Renewal", "Jordan Lee", "Continuing education");
        writePng("renewal", pdf);
    }

    @Test
    void printsNamesInAnyLatinScript() throws Exception {
        for (String name : List.of("Nguyễn Thị Ánh", "Søren Ødegård", "José Núñez", "Łukasz Żółkiewski-Straße",
                "Zoë Ðặng Çelik")) {
            byte[] pdf = certificates.render(content(name, Kind.ACADEMY_COMPLETION));
            assertThat(pdfBoxText(pdf)).contains(name);
            String poppler = pdftotext(pdf);
            if (poppler != null) {
                assertThat(Normalizer.normalize(poppler, Normalizer.Form.NFC)).contains(name);
            }
            assertThat(certificates.verify(pdf).genuine()).isTrue();
        }
        writePng("vietnamese", certificates.render(content("Nguyễn Thị Ánh", Kind.ACADEMY_COMPLETION)));
    }

    @Test
    void decomposedAccentsArePrintedComposed() throws IOException {
        String decomposed = "Jose\u0301 Nu\u0301n\u0303ez"; // NFD input, e.g. typed on a Mac
        byte[] pdf = certificates.render(content(decomposed, Kind.ACADEMY_COMPLETION));
        assertThat(pdfBoxText(pdf)).contains("Jos\u00e9 N\u00fa\u00f1ez").doesNotContain("\u0301");
    }

    @Test
    void refusesCharactersTheFontCannotShow() {
        assertThatThrownBy(() -> certificates.render(content("王小明", Kind.ACADEMY_COMPLETION)))
                .isInstanceOf(UnprintableTextException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holderName")
                .hasMessageContaining("王")
                .hasMessageContaining("U+738B")
                .satisfies(e -> {
                    UnprintableTextException unprintable = (UnprintableTextException) e;
                    assertThat(unprintable.field()).isEqualTo("holderName");
                    assertThat(unprintable.errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("holderName"));
                    assertThat(unprintable.characters()).containsExactly("王", "小", "明");
                });
        for (String emoji : List.of("😀", "👍🏽", "🇺🇸", "❤️")) {
            assertThatThrownBy(() -> certificates.render(content("Ana " + emoji + " Silva", Kind.ACADEMY_COMPLETION)))
                    .isInstanceOfSatisfying(UnprintableTextException.class,
                            e -> assertThat(e.field()).isEqualTo("holderName"))
                    .hasMessageContaining("holderName")
                    .hasMessageContaining(emoji.substring(0, Character.charCount(emoji.codePointAt(0))));
        }

        // the font has these glyphs, but right-to-left and joined scripts would print reversed or unjoined
        for (String name : List.of("דוד לוי", "محمد علي")) {
            assertThatThrownBy(() -> certificates.render(content(name, Kind.ACADEMY_COMPLETION)))
                    .isInstanceOfSatisfying(UnprintableTextException.class,
                            e -> assertThat(e.field()).isEqualTo("holderName"));
        }
        // Greek and Cyrillic are fine
        assertThat(certificates.render(content("Αλέξανδρος Παπαδόπουλος", Kind.ACADEMY_COMPLETION))).isNotEmpty();
        assertThat(certificates.render(content("Анна Петрова", Kind.ACADEMY_COMPLETION))).isNotEmpty();

        CertificateContent base = content("Ana Silva", Kind.ACADEMY_COMPLETION);
        List<ModuleLine> modules = new ArrayList<>(base.modules());
        modules.set(1, new ModuleLine("危机干预", 32));
        CertificateContent badModule = new CertificateContent(base.number(), base.holderName(), base.kind(),
                base.program(), base.departmentName(), base.unitName(), base.issuedOn(), base.validFrom(),
                base.validUntil(), modules, base.signatories(), base.verificationUrl());
        assertThatThrownBy(() -> certificates.render(badModule))
                .isInstanceOfSatisfying(UnprintableTextException.class,
                        e -> assertThat(e.field()).isEqualTo("modules[1].title"));
    }

    @Test
    void printsMarkupLiterallyAndDropsControlCharacters() throws IOException {
        String name = "Ana\u0000 <script>alert('x')</script>\r\n\tSilva\u202E\u200B";
        byte[] pdf = certificates.render(content(name, Kind.ACADEMY_COMPLETION));
        assertThat(pdfBoxText(pdf)).contains("Ana <script>alert('x')</script> Silva");
        assertThat(certificates.verify(pdf).genuine()).isTrue();
    }

    @Test
    void requiresTheEssentials() {
        assertThatThrownBy(() -> certificates.render(content("  \n ", Kind.ACADEMY_COMPLETION)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("holderName");
        assertThatThrownBy(() -> certificates.render(content("Ana Silva", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kind");
    }

    @Test
    void longNamesAndManyModulesStillFit() throws IOException {
        CertificateContent base = content("Maximiliana Alexandrina Konstantinopoulou-Vanderbilt de la Fuente y Montenegro",
                Kind.ACADEMY_COMPLETION);
        List<ModuleLine> modules = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            modules.add(new ModuleLine("Module " + i + ": Field Practice and Review", i % 5 + 4));
        }
        CertificateContent many = new CertificateContent(base.number(), base.holderName(), base.kind(),
                base.program(), base.departmentName(), base.unitName(), base.issuedOn(), null, null, modules,
                List.of(new Signatory("Dr. Linh Pham", "")), base.verificationUrl());
        byte[] pdf = certificates.render(many);
        String text = pdfBoxText(pdf);
        assertThat(text).contains("Konstantinopoulou-Vanderbilt", "Module 24: Field Practice and Review")
                .doesNotContain("Valid until");
        assertThat(pdf.length).isLessThanOrEqualTo(60 * 1024);
        writePng("crowded", pdf);
    }

    // --- QR code, PDF/A, size ---------------------------------------------------------------------------------

    @Test
    void qrCodeScansToTheVerificationUrl() throws Exception {
        BufferedImage page = render(sample, 150);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        Result result = new MultiFormatReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))), hints);
        assertThat(result.getText()).isEqualTo(URL);
    }

    @Test
    void isPdfA2b() throws Exception {
        assertThat(pdfA2bFailures(sample)).isEmpty();
        // a renewal without modules or signatories (draws the seal instead of the table), Vietnamese name
        CertificateContent bare = new CertificateContent("R-7", "Nguyễn Thị Ánh", Kind.RENEWAL, null, DEPARTMENT, null,
                LocalDate.of(2025, 6, 13), null, LocalDate.of(2027, 6, 12), List.of(), List.of(), "https://x.org/v/R-7");
        byte[] renewal = certificates.render(bare);
        assertThat(pdfA2bFailures(renewal)).isEmpty();
        writePng("renewal-without-modules", renewal);
    }

    @Test
    void aSpanishCertificateIsInSpanishAndStillPdfA2b() throws Exception {
        CertificateContent english = content("Lucía Hernández", Kind.ACADEMY_COMPLETION);
        CertificateContent spanish = new CertificateContent(english.number(), english.holderName(), english.kind(),
                english.program(), english.departmentName(), english.unitName(), english.issuedOn(), english.validFrom(),
                english.validUntil(), english.modules(), english.signatories(), english.verificationUrl(),
                java.util.Locale.forLanguageTag("es"));
        byte[] pdf = certificates.render(spanish);

        String text = pdfBoxText(pdf);
        assertThat(text).contains("Certificado de Finalización", "Se certifica que", "Lucía Hernández",
                "ha completado satisfactoriamente todos los módulos de capacitación obligatorios de la academia.",
                "Academia de Agentes de Servicios Comunitarios", "Módulos de capacitación", "32 horas",
                "Total: 168 horas", "Certificado n.º", "Emitido el", "13 de junio de 2025", "12 de junio de 2027",
                "Escanee o visite para verificar", DEPARTMENT, "CSO-2025-00042")
                .doesNotContain("Certificate of Completion", "This certifies that", "Total: 168 hours", "June 13, 2025");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("es-US");
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Certificado de Finalización");
        }
        assertThat(pdfA2bFailures(pdf)).isEmpty();
        assertThat(certificates.verify(pdf).genuine()).isTrue();

        String poppler = pdftotext(pdf);
        if (poppler != null) {
            assertThat(poppler).contains("Certificado de Finalización", "Lucía Hernández", "Total: 168 horas");
        }
        byte[] renewal = certificates.render(new CertificateContent("R-8", "José Núñez", Kind.RENEWAL, null, DEPARTMENT,
                null, LocalDate.of(2025, 6, 13), null, LocalDate.of(2027, 6, 12), List.of(), List.of(),
                "https://x.org/v/R-8", java.util.Locale.forLanguageTag("es")));
        assertThat(pdfBoxText(renewal)).contains("Certificado de Renovación",
                "ha completado la educación continua requerida para renovar esta certificación.");
        assertThat(pdfA2bFailures(renewal)).isEmpty();
        writePng("completion-es", pdf);
    }

    private static List<String> pdfA2bFailures(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage())
                    .distinct().toList();
            if (failures.isEmpty() && !result.isCompliant()) {
                return List.of("not compliant: " + result.getJobEndStatus());
            }
            return failures;
        }
    }

    @Test
    void isOneLandscapeLetterPageWithEmbeddedFontsAndSmall() throws IOException {
        try (PDDocument document = Loader.loadPDF(sample)) {
            assertThat(document.getNumberOfPages()).isOne();
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(792f);
            assertThat(page.getMediaBox().getHeight()).isEqualTo(612f);
            for (var name : page.getResources().getFontNames()) {
                assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
            }
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Certificate of Completion \u2013 Maria Delgado-Reyes");
        }
        assertThat(sample.length).isLessThanOrEqualTo(60 * 1024);
    }

    @Test
    void sha256IsLowercaseHex() throws Exception {
        assertThat(CertificatePdf.sha256(sample))
                .matches("[0-9a-f]{64}")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sample)));
    }

    // --- signature ------------------------------------------------------------------------------------------

    @Test
    void signatureIsGenuine() throws IOException {
        SignatureCheck check = certificates.verify(sample);
        assertThat(check.signed()).isTrue();
        assertThat(check.intact()).isTrue();
        assertThat(check.signedByThisSystem()).isTrue();
        assertThat(check.genuine()).isTrue();
        assertThat(check.signer()).isEqualTo(DEPARTMENT);
        assertThat(check.reason()).isNotBlank();
        try (PDDocument document = Loader.loadPDF(sample)) {
            var signature = document.getLastSignatureDictionary();
            assertThat(signature.getName()).isEqualTo(DEPARTMENT);
            assertThat(signature.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
            int[] range = signature.getByteRange();
            assertThat((long) range[2] + range[3]).isEqualTo(sample.length);
        }
    }

    @Test
    void changedContentIsDetected() {
        byte[] tampered = sample.clone();
        int stream = indexOf(tampered, "stream".getBytes(StandardCharsets.US_ASCII), 0);
        assertThat(stream).isPositive();
        tampered[stream + 30] ^= 0x01; // inside the first stream's data; the file still parses
        SignatureCheck check = certificates.verify(tampered);
        assertThat(check.signed()).isTrue();
        assertThat(check.intact()).isFalse();
        assertThat(check.genuine()).isFalse();
        assertThat(check.reason()).containsIgnoringCase("changed");
    }

    @Test
    void incrementalUpdateAfterSigningIsDetected() throws IOException {
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(sample)) {
            document.getDocumentInformation().setTitle("Certificate of Completion \u2013 Somebody Else");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(changed);
        }
        SignatureCheck check = certificates.verify(changed.toByteArray());
        assertThat(check.signed()).isTrue();
        assertThat(check.intact()).isFalse();
        assertThat(check.signedByThisSystem()).isTrue();
        assertThat(check.genuine()).isFalse();

        byte[] appended = new byte[sample.length + 20];
        System.arraycopy(sample, 0, appended, 0, sample.length);
        System.arraycopy("\n% appended later\n".getBytes(StandardCharsets.US_ASCII), 0, appended, sample.length, 18);
        assertThat(certificates.verify(appended).intact()).isFalse();
    }

    @Test
    void anotherKeyIsSignedButNotByThisSystem() {
        CertificatePdf impostor = new CertificatePdf(CertificateSigningKey.inMemory(DEPARTMENT), CLOCK);
        byte[] forged = impostor.render(content("Maria Delgado-Reyes", Kind.ACADEMY_COMPLETION));
        SignatureCheck check = certificates.verify(forged);
        assertThat(check.signed()).isTrue();
        assertThat(check.intact()).isTrue();
        assertThat(check.signedByThisSystem()).isFalse();
        assertThat(check.genuine()).isFalse();
        assertThat(check.signer()).isEqualTo(DEPARTMENT);
    }

    @Test
    void badInputIsReportedNotThrown() throws IOException {
        assertThat(certificates.verify(null).signed()).isFalse();
        assertThat(certificates.verify(new byte[0]).signed()).isFalse();
        assertThat(certificates.verify("hello, this is not a PDF".getBytes(StandardCharsets.US_ASCII)).signed())
                .isFalse();
        byte[] truncated = java.util.Arrays.copyOf(sample, sample.length / 2);
        assertThat(certificates.verify(truncated).genuine()).isFalse();
        byte[] headerOnly = "%PDF-1.7\n%%EOF\n garbage".getBytes(StandardCharsets.US_ASCII);
        SignatureCheck garbage = certificates.verify(headerOnly);
        assertThat(garbage.signed()).isFalse();
        assertThat(garbage.reason()).isNotBlank();

        ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(unsigned);
        }
        SignatureCheck check = certificates.verify(unsigned.toByteArray());
        assertThat(check.signed()).isFalse();
        assertThat(check.reason()).contains("no digital signature");
    }

    // --- the signing key ------------------------------------------------------------------------------------

    @Test
    void nodesStartingTogetherOnOneKeyDirectoryShareOneKey(@TempDir Path directory) throws Exception {
        Path keys = directory.resolve("keys");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<java.security.cert.X509Certificate>> started = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(pool.submit(() -> CertificateSigningKey.inDirectory(keys, DEPARTMENT).material().certificate()));
            }
            java.security.cert.X509Certificate first = started.get(0).get();
            for (var other : started) {
                assertThat(other.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
        // and a later start reads the same key with the password that was stored with it
        assertThat(CertificateSigningKey.inDirectory(keys, DEPARTMENT).material().certificate())
                .isEqualTo(CertificateSigningKey.inDirectory(keys, DEPARTMENT).material().certificate());
    }

    @Test
    void generatedKeyIsStoredOwnerOnlyAndSurvivesRestarts(@TempDir Path directory) throws Exception {
        Path keys = directory.resolve("data/keys");
        CertificateSigningKey first = CertificateSigningKey.inDirectory(keys, DEPARTMENT);
        byte[] pdf = new CertificatePdf(first, CLOCK).render(content("Ana Silva", Kind.RENEWAL));

        Path keystore = keys.resolve(CertificateSigningKey.FILE_NAME);
        Path password = keys.resolve(CertificateSigningKey.PASSWORD_FILE_NAME);
        assertThat(keystore).exists();
        assertThat(password).exists();
        if (keys.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(keys)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            assertThat(Files.getPosixFilePermissions(keystore)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(password)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (var leftovers = Files.list(keys)) {
            assertThat(leftovers.filter(f -> !f.getFileName().toString().equals(".generate.lock"))).hasSize(2);
        }

        CertificatePdf afterRestart = new CertificatePdf(CertificateSigningKey.inDirectory(keys, DEPARTMENT), CLOCK);
        assertThat(afterRestart.verify(pdf).genuine()).isTrue();
        assertThat(certificates.verify(pdf).signedByThisSystem()).isFalse();

        // the same file works as a configured keystore
        char[] secret = Files.readString(password).trim().toCharArray();
        CertificatePdf configured = new CertificatePdf(CertificateSigningKey.fromKeystore(keystore, secret), CLOCK);
        assertThat(configured.verify(pdf).genuine()).isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, secret);
        }
        Certificate certificate = store.getCertificate(store.aliases().nextElement());
        assertThat(((java.security.cert.X509Certificate) certificate).getSubjectX500Principal().getName())
                .contains("CN=" + DEPARTMENT);
    }

    @Test
    void springConfigurationChoosesTheKeySource(@TempDir Path directory) {
        var department = new org.csotracker.department.DepartmentSettings(DEPARTMENT, "Unit", "Union",
                List.of("North"), "http://localhost:8080");
        Path keys = directory.resolve("keys");

        // the tests' throw-away database: key in memory, nothing written
        CertificateSigningKey ephemeral = new CertificateSigningKey(department, "", "", keys.toString(), true);
        assertThat(ephemeral.signerName()).isEqualTo(DEPARTMENT);
        assertThat(keys).doesNotExist();

        // otherwise: generated once into the key directory, then reused
        CertificateSigningKey stored = new CertificateSigningKey(department, "", "", keys.toString(), false);
        assertThat(stored.signerName()).isEqualTo(DEPARTMENT);
        assertThat(keys.resolve(CertificateSigningKey.FILE_NAME)).exists();
        CertificateSigningKey again = new CertificateSigningKey(department, " ", "", keys.toString(), false);
        assertThat(again.material().publicKey()).isEqualTo(stored.material().publicKey());

        // a configured keystore wins, and is opened at start-up
        String password = readPassword(keys);
        CertificateSigningKey configured = new CertificateSigningKey(department,
                keys.resolve(CertificateSigningKey.FILE_NAME).toString(), password, directory.resolve("unused").toString(),
                true);
        assertThat(configured.material().publicKey()).isEqualTo(stored.material().publicKey());
        assertThatThrownBy(() -> new CertificateSigningKey(department, directory.resolve("missing.p12").toString(),
                "x", keys.toString(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing.p12");
    }

    private static String readPassword(Path keys) {
        try {
            return Files.readString(keys.resolve(CertificateSigningKey.PASSWORD_FILE_NAME)).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWrongKeystorePasswordIsAClearError(@TempDir Path directory) {
        Path keys = directory.resolve("keys");
        CertificateSigningKey.inDirectory(keys, DEPARTMENT).material();
        CertificateSigningKey wrong = CertificateSigningKey.fromKeystore(keys.resolve(CertificateSigningKey.FILE_NAME),
                "not the password".toCharArray());
        assertThatThrownBy(wrong::material).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keystore-password");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static String pdfBoxText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text poppler's pdftotext reads, or null when poppler-utils is not installed. */
    static String pdftotext(byte[] pdf) throws Exception {
        if (!onPath("pdftotext")) {
            return null;
        }
        File file = File.createTempFile("certificate-", ".pdf");
        try {
            Files.write(file.toPath(), pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.getAbsolutePath(), "-")
                    .redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
            return new String(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, binary))) {
                return true;
            }
        }
        return false;
    }

    static BufferedImage render(byte[] pdf, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    private static void writePng(String name, byte[] pdf) throws IOException {
        Path directory = Path.of("target", "certificates");
        Files.createDirectories(directory);
        ImageIO.write(render(pdf, 110), "png", directory.resolve(name + ".png").toFile());
        Files.write(directory.resolve(name + ".pdf"), pdf);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
