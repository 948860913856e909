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
import jakarta.persistence.Version;

/** A CSO's certification: the current period, its status, and the process that keeps it. */
@Entity
@Table(name = "certification")
public class Certification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true) private Long officerId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private CertificationStatus status;
    @Column(nullable = false) private Instant statusSince;
    private int periodNumber;
    @Column(nullable = false) private LocalDate periodStart;
    @Column(nullable = false) private LocalDate periodEnd;
    @Column(nullable = false) private LocalDate graceUntil;
    @Column(nullable = false) private LocalDate certifiedOn;
    private String cohortName;
    private String revokedReason;
    private String processInstanceId;
    @Version private long version;

    protected Certification() {
    }

    Certification(Long officerId, LocalDate certifiedOn, String cohortName, Period period, Instant now) {
        this.officerId = officerId;
        this.certifiedOn = certifiedOn;
        this.cohortName = cohortName;
        this.periodNumber = 1;
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.graceUntil = period.graceUntil();
        this.status = CertificationStatus.ACTIVE;
        this.statusSince = now;
    }

    /** Dates of one certification period. */
    public record Period(LocalDate start, LocalDate end, LocalDate graceUntil) {
    }

    void renew(Period next, Instant now) {
        this.periodNumber++;
        this.periodStart = next.start();
        this.periodEnd = next.end();
        this.graceUntil = next.graceUntil();
        changeStatus(CertificationStatus.ACTIVE, now);
    }

    boolean changeStatus(CertificationStatus next, Instant now) {
        if (status == next) {
            return false;
        }
        status = next;
        statusSince = now;
        return true;
    }

    void revoke(String reason, Instant now) {
        changeStatus(CertificationStatus.REVOKED, now);
        this.revokedReason = reason;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() { return id; }
    public Long getOfficerId() { return officerId; }
    public CertificationStatus getStatus() { return status; }
    public Instant getStatusSince() { return statusSince; }
    public int getPeriodNumber() { return periodNumber; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public LocalDate getGraceUntil() { return graceUntil; }
    public LocalDate getCertifiedOn() { return certifiedOn; }
    public String getCohortName() { return cohortName; }
    public String getRevokedReason() { return revokedReason; }
    public String getProcessInstanceId() { return processInstanceId; }
}
