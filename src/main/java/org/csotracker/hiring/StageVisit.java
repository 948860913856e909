package org.csotracker.hiring;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stay of a candidate in one stage. */
@Entity
@Table(name = "candidate_stage")
class StageVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HiringStage stage;

    @Column(nullable = false)
    private Instant enteredAt;

    private Instant leftAt;

    protected StageVisit() {
    }

    StageVisit(Long candidateId, HiringStage stage, Instant enteredAt) {
        this.candidateId = candidateId;
        this.stage = stage;
        this.enteredAt = enteredAt;
    }

    void leave(Instant at) {
        this.leftAt = at;
    }
}
