package org.csotracker.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** The PDF bytes of a certificate, kept apart so lists of certificates stay light. */
@Entity
@Immutable
@Table(name = "certificate_file")
class CertificateFile {

    @Id
    private Long certificateId;

    @Column(nullable = false)
    private byte[] pdf;

    protected CertificateFile() {
    }

    CertificateFile(Long certificateId, byte[] pdf) {
        this.certificateId = certificateId;
        this.pdf = pdf;
    }

    byte[] getPdf() {
        return pdf;
    }
}
