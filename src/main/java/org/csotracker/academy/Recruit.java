package org.csotracker.academy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An officer enrolled in a cohort; one {@code AcademyProcess} instance follows them through it. */
@Entity
@Table(name = "recruit")
public class Recruit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private Long officerId;
    @Column(nullable = false) private Long cohortId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private RecruitStatus status;
    @Column(nullable = false) private Instant enrolledAt;
    private Instant endedAt;
    private String endReason;
    private String processInstanceId;
    @Version private long version;

    protected Recruit() {
    }

    Recruit(Long officerId, Long cohortId, Instant now) {
        this.officerId = officerId;
        this.cohortId = cohortId;
        this.status = RecruitStatus.ENROLLED;
        this.enrolledAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void end(RecruitStatus status, String reason, Instant now) {
        this.status = status;
        this.endReason = reason;
        this.endedAt = now;
    }

    public Long getId() { return id; }
    public Long getOfficerId() { return officerId; }
    public Long getCohortId() { return cohortId; }
    public RecruitStatus getStatus() { return status; }
    public Instant getEnrolledAt() { return enrolledAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndReason() { return endReason; }
    public String getProcessInstanceId() { return processInstanceId; }
}
