package org.csotracker.academy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A line of a cohort's schedule: a module taught in a week, by an instructor, somewhere. */
@Entity
@Table(name = "cohort_session")
public class CohortSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private Long cohortId;
    private int week;
    @Column(nullable = false) private String moduleCode;
    private String instructor;
    private String location;

    protected CohortSession() {
    }

    CohortSession(Long cohortId, int week, String moduleCode, String instructor, String location) {
        this.cohortId = cohortId;
        this.week = week;
        this.moduleCode = moduleCode;
        this.instructor = instructor;
        this.location = location;
    }

    public Long getId() { return id; }
    public Long getCohortId() { return cohortId; }
    public int getWeek() { return week; }
    public String getModuleCode() { return moduleCode; }
    public String getInstructor() { return instructor; }
    public String getLocation() { return location; }
}
