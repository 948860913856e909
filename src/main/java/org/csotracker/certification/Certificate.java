package org.csotracker.certification;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.csotracker.documents.CertificateContent;
import org.hibernate.annotations.Immutable;

/** An issued PDF certificate: its number, what it certifies, and the SHA-256 of the file. */
@Entity
@Immutable
@Table(name = "certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true) private String number;
    @Column(nullable = false) private Long certificationId;
    @Column(nullable = false) private Long officerId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private CertificateContent.Kind kind;
    @Column(nullable = false) private String holderName;
    @Column(nullable = false) private LocalDate periodStart;
    @Column(nullable = false) private LocalDate periodEnd;
    @Column(nullable = false) private Instant issuedAt;
    @Column(nullable = false) private String sha256;
    private int sizeBytes;

    protected Certificate() {
    }

    Certificate(String number, Certification certification, CertificateContent.Kind kind, String holderName,
                String sha256, int sizeBytes, Instant now) {
        this.number = number;
        this.certificationId = certification.getId();
        this.officerId = certification.getOfficerId();
        this.kind = kind;
        this.holderName = holderName;
        this.periodStart = certification.getPeriodStart();
        this.periodEnd = certification.getPeriodEnd();
        this.issuedAt = now;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Long getCertificationId() { return certificationId; }
    public Long getOfficerId() { return officerId; }
    public CertificateContent.Kind getKind() { return kind; }
    public String getHolderName() { return holderName; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public Instant getIssuedAt() { return issuedAt; }
    public String getSha256() { return sha256; }
    public int getSizeBytes() { return sizeBytes; }
}
