package org.csotracker.certification;

import java.math.BigDecimal;
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

/** Hours of continuing education: recorded by a coordinator, or submitted by the CSO with evidence. */
@Entity
@Table(name = "ce_record")
public class ContinuingEducationRecord {

    /** Who put the record in. */
    public enum Source { RECORDED, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private Long officerId;
    @Column(nullable = false) private String category;
    @Column(nullable = false) private String title;
    private String provider;
    @Column(nullable = false) private BigDecimal hours;
    @Column(nullable = false) private LocalDate completedOn;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private CeStatus status;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private Source source;
    private String rejectionReason;
    @Column(nullable = false) private String recordedBy;
    @Column(nullable = false) private Instant recordedAt;
    private String reviewedBy;
    private Instant reviewedAt;
    private String evidenceName;
    private String evidenceType;
    private String evidenceSha256;

    protected ContinuingEducationRecord() {
    }

    ContinuingEducationRecord(Long officerId, CeEntry entry, Source source, CeStatus status, String by, Instant now) {
        this.officerId = officerId;
        this.category = entry.category();
        this.title = entry.title().strip();
        this.provider = entry.provider();
        this.hours = entry.hours();
        this.completedOn = entry.completedOn();
        this.source = source;
        this.status = status;
        this.recordedBy = by;
        this.recordedAt = now;
    }

    void evidence(String name, String type, String sha256) {
        this.evidenceName = name;
        this.evidenceType = type;
        this.evidenceSha256 = sha256;
    }

    void review(boolean approved, String reason, String by, Instant now) {
        this.status = approved ? CeStatus.APPROVED : CeStatus.REJECTED;
        this.rejectionReason = approved ? null : reason;
        this.reviewedBy = by;
        this.reviewedAt = now;
    }

    boolean sameAs(CeEntry entry) {
        return hours.compareTo(entry.hours()) == 0;
    }

    public Long getId() { return id; }
    public Long getOfficerId() { return officerId; }
    public String getCategory() { return category; }
    public String getTitle() { return title; }
    public String getProvider() { return provider; }
    public BigDecimal getHours() { return hours; }
    public LocalDate getCompletedOn() { return completedOn; }
    public CeStatus getStatus() { return status; }
    public Source getSource() { return source; }
    public String getRejectionReason() { return rejectionReason; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getEvidenceName() { return evidenceName; }
    public String getEvidenceType() { return evidenceType; }
}
