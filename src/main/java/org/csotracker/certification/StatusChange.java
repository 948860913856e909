package org.csotracker.certification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A status a certification took on, and when it took effect. */
@Entity
@Immutable
@Table(name = "certification_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private Long certificationId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private CertificationStatus status;
    @Column(nullable = false) private Instant effectiveAt;
    private String reason;

    protected StatusChange() {
    }

    StatusChange(Long certificationId, CertificationStatus status, Instant effectiveAt, String reason) {
        this.certificationId = certificationId;
        this.status = status;
        this.effectiveAt = effectiveAt;
        this.reason = reason;
    }

    public CertificationStatus getStatus() { return status; }
    public Instant getEffectiveAt() { return effectiveAt; }
    public String getReason() { return reason; }
}
