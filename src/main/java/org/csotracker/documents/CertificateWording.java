package org.csotracker.documents;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words printed on a certificate in one language: the {@code certificate.pdf.*} texts of
 * messages.properties (English) and messages_es.properties (Spanish), read without Spring so the
 * renderer works on its own. {@code {0}} in a text is replaced literally (no MessageFormat).
 */
record CertificateWording(String languageTag, String completion, String renewal, String certifies,
                          String completedAcademy, String completedRenewal, String modulesHeading,
                          String continuingEducationHeading, String total, String oneHour, String hours,
                          String number, String issued, String validFrom, String validUntil, String scanToVerify,
                          String defaultProgram, DateTimeFormatter dates) {

    static final Locale DEFAULT = Locale.ENGLISH;

    static CertificateWording of(Locale locale) {
        Locale language = locale == null ? DEFAULT : Locale.forLanguageTag(locale.getLanguage());
        ResourceBundle b = ResourceBundle.getBundle("messages", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new CertificateWording(b.getString("certificate.pdf.language"), b.getString("certificate.pdf.completion"),
                b.getString("certificate.pdf.renewal"), b.getString("certificate.pdf.certifies"),
                b.getString("certificate.pdf.completedAcademy"), b.getString("certificate.pdf.completedRenewal"),
                b.getString("certificate.pdf.modules"), b.getString("certificate.pdf.continuingEducation"),
                b.getString("certificate.pdf.total"), b.getString("certificate.pdf.hour"), b.getString("certificate.pdf.hours"),
                b.getString("certificate.pdf.number"), b.getString("certificate.pdf.issued"),
                b.getString("certificate.pdf.validFrom"), b.getString("certificate.pdf.validUntil"),
                b.getString("certificate.pdf.scan"), b.getString("certificate.pdf.program"),
                DateTimeFormatter.ofPattern(b.getString("certificate.pdf.datePattern"), language));
    }

    String hours(int count) {
        return count == 1 ? oneHour : hours.replace("{0}", Integer.toString(count));
    }

    String total(int count) {
        return total.replace("{0}", hours(count));
    }
}
