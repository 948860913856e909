package org.csotracker.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The file a CSO uploaded as evidence of outside training. */
@Entity
@Table(name = "ce_evidence")
class CeEvidence {

    @Id
    private Long ceRecordId;

    @Column(nullable = false)
    private byte[] content;

    protected CeEvidence() {
    }

    CeEvidence(Long ceRecordId, byte[] content) {
        this.ceRecordId = ceRecordId;
        this.content = content;
    }

    byte[] getContent() {
        return content;
    }
}
