package org.csotracker.academy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One attempt at one module by one officer; never changed once recorded. */
@Entity
@Immutable
@Table(name = "module_result")
public class ModuleResult {

    @Id
    // ids in blocks of 50 (V15), so the rows of a bulk call are inserted as JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "module_result_id")
    @SequenceGenerator(name = "module_result_id", sequenceName = "module_result_id_seq", allocationSize = 50)
    private Long id;
    @Column(nullable = false) private Long officerId;
    @Column(nullable = false) private Long cohortId;
    @Column(nullable = false) private Long moduleId;
    @Column(nullable = false) private String moduleCode;
    private int attempt;
    @Column(nullable = false) private BigDecimal hoursAttended;
    private int score;
    private Boolean practicalPassed;
    private boolean passed;
    @Column(nullable = false) private String instructor;
    @Column(nullable = false) private LocalDate assessedOn;
    private String notes;
    @Column(nullable = false) private String recordedBy;
    @Column(nullable = false) private Instant recordedAt;

    protected ModuleResult() {
    }

    ModuleResult(Long officerId, Long cohortId, TrainingModule module, int attempt, ResultEntry entry, boolean passed,
                 String recordedBy, Instant now) {
        this.officerId = officerId;
        this.cohortId = cohortId;
        this.moduleId = module.getId();
        this.moduleCode = module.getCode();
        this.attempt = attempt;
        this.hoursAttended = entry.hoursAttended();
        this.score = entry.score();
        this.practicalPassed = entry.practicalPassed();
        this.passed = passed;
        this.instructor = entry.instructor();
        this.assessedOn = entry.assessedOn();
        this.notes = entry.notes();
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    /** The same result posted again (a retry or a re-uploaded file): it must not become a new attempt. */
    boolean sameAs(ResultEntry entry) {
        return score == entry.score() && assessedOn.equals(entry.assessedOn())
                && hoursAttended.compareTo(entry.hoursAttended()) == 0;
    }

    public Long getId() { return id; }
    public Long getOfficerId() { return officerId; }
    public Long getCohortId() { return cohortId; }
    public Long getModuleId() { return moduleId; }
    public String getModuleCode() { return moduleCode; }
    public int getAttempt() { return attempt; }
    public BigDecimal getHoursAttended() { return hoursAttended; }
    public int getScore() { return score; }
    public Boolean getPracticalPassed() { return practicalPassed; }
    public boolean isPassed() { return passed; }
    public String getInstructor() { return instructor; }
    public LocalDate getAssessedOn() { return assessedOn; }
    public String getNotes() { return notes; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
