package org.csotracker.academy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One version of a module of the academy curriculum. Editing a module adds a version, so results
 * recorded under an older version keep the hours and passing score they were judged by.
 */
@Entity
@Immutable
@Table(name = "training_module")
public class TrainingModule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private String code;
    private int version;
    @Column(nullable = false) private String title;
    private String description;
    private int hours;
    private int weekFrom;
    private int weekTo;
    private int passingScore;
    private boolean practicalRequired;
    private boolean active;
    @Column(nullable = false) private Instant createdAt;
    @Column(nullable = false) private String createdBy;

    protected TrainingModule() {
    }

    TrainingModule(String code, int version, ModuleDefinition d, Instant now, String by) {
        this.code = code;
        this.version = version;
        this.title = d.title();
        this.description = d.description();
        this.hours = d.hours();
        this.weekFrom = d.weekFrom();
        this.weekTo = d.weekTo();
        this.passingScore = d.passingScore();
        this.practicalRequired = d.practicalRequired();
        this.active = d.active();
        this.createdAt = now;
        this.createdBy = by;
    }

    /** Whether a score (and the practical assessment, when required) passes this module. */
    public boolean passes(int score, Boolean practicalPassed) {
        return score >= passingScore && (!practicalRequired || Boolean.TRUE.equals(practicalPassed));
    }

    public String weeks() {
        return weekFrom == weekTo ? "Week " + weekFrom : "Weeks " + weekFrom + "-" + weekTo;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public int getVersion() { return version; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public int getHours() { return hours; }
    public int getWeekFrom() { return weekFrom; }
    public int getWeekTo() { return weekTo; }
    public int getPassingScore() { return passingScore; }
    public boolean isPracticalRequired() { return practicalRequired; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
