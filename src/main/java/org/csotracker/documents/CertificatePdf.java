package org.csotracker.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;

import org.csotracker.common.InvalidInputException;
import org.csotracker.common.Text;
import org.springframework.stereotype.Component;

/**
 * Certificate PDFs: one landscape Letter page, PDF/A-2b, digitally signed by the department (see
 * {@link CertificateSigningKey} for where the key comes from), with a QR code linking to the verification
 * page.
 *
 * <pre>{@code
 * byte[] pdf = certificatePdf.render(content);   // store it, mail it, serve it
 * String hash = CertificatePdf.sha256(pdf);      // e.g. to recognise the exact file later
 * SignatureCheck check = certificatePdf.verify(uploadedBytes);
 * if (check.genuine()) { ... }                   // signed with our key and unchanged since
 * }</pre>
 *
 * Thread-safe; fonts, the colour profile and the key are loaded once and shared.
 */
@Component
public class CertificatePdf {

    static final String DEFAULT_PROGRAM = "Community Service Officer Academy";
    static final int MAX_MODULES = 30;
    static final int MAX_SIGNATORIES = 3;

    private final CertificateSigningKey key;
    private final Clock clock;
    private final CertificateFonts fonts = CertificateFonts.get();

    CertificatePdf(CertificateSigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * Draws and signs a certificate.
     *
     * @return a signed PDF/A-2b document
     * @throws UnprintableTextException when a field holds characters the fonts cannot show
     * @throws InvalidInputException    when a required field is missing or text does not fit
     */
    public byte[] render(CertificateContent content) {
        if (content == null) {
            throw new InvalidInputException("content", Text.of("invalid.required"));
        }
        CertificatePage.Text text = printable(content);
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        now.setTimeInMillis(clock.millis() / 1000 * 1000);
        try {
            byte[] unsigned = CertificatePage.render(text, fonts, now);
            CertificateSigningKey.Material material = key.material();
            String reason = text.title() + " " + text.number() + " for " + text.holderName();
            return PdfSignatures.sign(unsigned, material, key.signerName(), reason, now);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot produce certificate " + text.number(), e);
        }
    }

    /** The same page drawn with plain PDFBox: no PDF/A metadata, no signature (a benchmark baseline). */
    byte[] renderPlain(CertificateContent content) {
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        try {
            return CertificatePage.renderPlain(printable(content), fonts, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a PDF's digital signature: present, unchanged since signing (nothing altered or appended), and
     * made with this system's key. Never throws for bad input; the result says what is wrong.
     */
    public SignatureCheck verify(byte[] pdf) {
        return PdfSignatures.verify(pdf, () -> key.material().publicKey());
    }

    /** The SHA-256 of the bytes, lowercase hex. */
    public static String sha256(byte[] pdf) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private CertificatePage.Text printable(CertificateContent content) {
        if (content.kind() == null) {
            throw new InvalidInputException("kind", Text.of("invalid.required"));
        }
        if (content.issuedOn() == null) {
            throw new InvalidInputException("issuedOn", Text.of("invalid.required"));
        }
        if (content.validFrom() != null && content.validUntil() != null
                && content.validUntil().isBefore(content.validFrom())) {
            throw new InvalidInputException("validUntil", Text.of("invalid.beforeValidFrom"));
        }
        if (content.modules().size() > MAX_MODULES) {
            throw new InvalidInputException("modules", Text.of("invalid.atMostOnCertificate", MAX_MODULES));
        }
        if (content.signatories().size() > MAX_SIGNATORIES) {
            throw new InvalidInputException("signatories", Text.of("invalid.atMostOnCertificate", MAX_SIGNATORIES));
        }
        String holderName = PrintableText.required("holderName", content.holderName(), fonts);
        String number = PrintableText.required("number", content.number(), fonts);
        String program = PrintableText.clean("program", content.program(), fonts);
        String department = PrintableText.required("departmentName", content.departmentName(), fonts);
        String unit = PrintableText.clean("unitName", content.unitName(), fonts);
        String url = PrintableText.required("verificationUrl", content.verificationUrl(), fonts);
        List<CertificatePage.Module> modules = new ArrayList<>();
        for (int i = 0; i < content.modules().size(); i++) {
            CertificateContent.ModuleLine line = content.modules().get(i);
            if (line == null) {
                throw new InvalidInputException("modules[" + i + "]", Text.of("invalid.required"));
            }
            if (line.hours() < 0) {
                throw new InvalidInputException("modules[" + i + "].hours", Text.of("invalid.negative"));
            }
            modules.add(new CertificatePage.Module(
                    PrintableText.required("modules[" + i + "].title", line.title(), fonts), line.hours()));
        }
        List<CertificatePage.Signer> signers = new ArrayList<>();
        for (int i = 0; i < content.signatories().size(); i++) {
            CertificateContent.Signatory signatory = content.signatories().get(i);
            if (signatory == null) {
                throw new InvalidInputException("signatories[" + i + "]", Text.of("invalid.required"));
            }
            signers.add(new CertificatePage.Signer(
                    PrintableText.required("signatories[" + i + "].name", signatory.name(), fonts),
                    PrintableText.clean("signatories[" + i + "].title", signatory.title(), fonts)));
        }
        CertificateWording wording = CertificateWording.of(content.locale());
        return new CertificatePage.Text(number, holderName, content.kind(),
                program.isEmpty() || program.equals(DEFAULT_PROGRAM) ? wording.defaultProgram() : program, department, unit,
                content.issuedOn(), content.validFrom(), content.validUntil(), List.copyOf(modules), List.copyOf(signers), url,
                wording);
    }
}
