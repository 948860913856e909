package org.csotracker.academy;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A class of recruits going through the 8-week academy together. */
@Entity
@Table(name = "cohort")
public class Cohort {

    public static final int WEEKS = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private String name;
    @Column(nullable = false) private LocalDate startDate;
    @Column(nullable = false) private LocalDate endDate;
    private int capacity;
    @Column(nullable = false) private String coordinator;
    private String location;
    @Column(nullable = false) private Instant createdAt;
    @Version private long version;

    protected Cohort() {
    }

    Cohort(String name, LocalDate startDate, int capacity, String coordinator, String location, Instant now) {
        this.name = name;
        this.startDate = startDate;
        this.endDate = startDate.plusWeeks(WEEKS).minusDays(1);
        this.capacity = capacity;
        this.coordinator = coordinator;
        this.location = location;
        this.createdAt = now;
    }

    /** Which academy week a date falls in (1-8), 0 before the start, 9 after the end. */
    public int weekOf(LocalDate date) {
        if (date.isBefore(startDate)) {
            return 0;
        }
        if (date.isAfter(endDate)) {
            return WEEKS + 1;
        }
        return (int) (java.time.temporal.ChronoUnit.DAYS.between(startDate, date) / 7) + 1;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public int getCapacity() { return capacity; }
    public String getCoordinator() { return coordinator; }
    public String getLocation() { return location; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
