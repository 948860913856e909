package org.csotracker.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One thing that happened: who did what to which record, when and why. Never changed once written. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    // ids in blocks of 50 (V15), so the rows of a bulk call are inserted as JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_id")
    @SequenceGenerator(name = "audit_event_id", sequenceName = "audit_event_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    /** What kind of record: Candidate, Officer, ModuleResult, Certification, UserAccount, Login... */
    @Column(nullable = false)
    private String subjectType;

    private String subjectId;

    /** What happened, e.g. {@code SCREENING_PASSED}. */
    @Column(nullable = false)
    private String action;

    /** Why, or what changed, in words a person can read. */
    @Column(length = 4000)
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String subjectType, String subjectId, String action, String details) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.action = action;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getAction() {
        return action;
    }

    public String getDetails() {
        return details;
    }
}
