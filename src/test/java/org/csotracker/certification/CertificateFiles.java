package org.csotracker.certification;

import org.csotracker.documents.CertificatePdf;

final class CertificateFiles {
    private CertificateFiles() {
    }

    static String sha256(byte[] pdf) {
        return CertificatePdf.sha256(pdf);
    }
}
