package org.csotracker.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a certificate PDF shows. Text is printed as plain text (never interpreted as markup); every
 * character must exist in the embedded DejaVu Sans fonts (all Latin scripts, Greek, Cyrillic), otherwise
 * {@link CertificatePdf#render} throws {@link UnprintableTextException} naming the field.
 *
 * @param number          the certificate number, printed and searchable
 * @param holderName      the officer's name, printed large
 * @param kind            completion of the academy or renewal of the certification
 * @param program         e.g. "Community Service Officer Academy"
 * @param departmentName  the issuing department (also the signer of the PDF)
 * @param unitName        the unit within the department; may be blank
 * @param issuedOn        the date of issue
 * @param validFrom       first day of validity; {@code null} prints no line
 * @param validUntil      last day of validity; {@code null} prints no line
 * @param modules         the modules with their hours (at most 30); a total is printed
 * @param signatories     up to three people signing with name and title
 * @param verificationUrl encoded in the QR code and printed under it
 * @param locale          the language the certificate is printed in (English or Spanish; others print English)
 */
public record CertificateContent(String number, String holderName, Kind kind, String program, String departmentName,
        String unitName, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, List<ModuleLine> modules,
        List<Signatory> signatories, String verificationUrl, Locale locale) {

    public CertificateContent {
        modules = modules == null ? List.of() : List.copyOf(modules);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    /** A certificate in English. */
    public CertificateContent(String number, String holderName, Kind kind, String program, String departmentName,
            String unitName, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, List<ModuleLine> modules,
            List<Signatory> signatories, String verificationUrl) {
        this(number, holderName, kind, program, departmentName, unitName, issuedOn, validFrom, validUntil, modules,
                signatories, verificationUrl, Locale.ENGLISH);
    }

    public enum Kind { ACADEMY_COMPLETION, RENEWAL }

    public record ModuleLine(String title, int hours) {
    }

    public record Signatory(String name, String title) {
    }
}
