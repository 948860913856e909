package org.csotracker.documents;

import java.time.LocalDate;
import java.util.List;

/** Everything printed on a certificate. */
public record CertificateContent(String number, String holderName, Kind kind, String program, String departmentName,
        String unitName, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, List<ModuleLine> modules,
        List<Signatory> signatories, String verificationUrl) {
    public enum Kind { ACADEMY_COMPLETION, RENEWAL }
    public record ModuleLine(String title, int hours) {}
    public record Signatory(String name, String title) {}
}
