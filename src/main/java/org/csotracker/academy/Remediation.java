package org.csotracker.academy;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** After a failed module: what the recruit will do before the retake, and by when. */
@Entity
@Table(name = "remediation")
public class Remediation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private Long officerId;
    @Column(nullable = false) private String moduleCode;
    @Column(nullable = false) private String plan;
    @Column(nullable = false) private LocalDate dueDate;
    @Column(nullable = false) private String createdBy;
    @Column(nullable = false) private Instant createdAt;

    protected Remediation() {
    }

    Remediation(Long officerId, String moduleCode, String plan, LocalDate dueDate, String by, Instant now) {
        this.officerId = officerId;
        this.moduleCode = moduleCode;
        this.plan = plan;
        this.dueDate = dueDate;
        this.createdBy = by;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public Long getOfficerId() { return officerId; }
    public String getModuleCode() { return moduleCode; }
    public String getPlan() { return plan; }
    public LocalDate getDueDate() { return dueDate; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
