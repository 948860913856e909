package org.csotracker.hiring;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the board cache when a candidate changed, whichever code path changed it: a JPA entity
 * listener (Hibernate gets it from Spring), acting after the commit.
 */
@Component
class CandidateChanges {

    private final ObjectProvider<HiringReports> reports;

    CandidateChanges(ObjectProvider<HiringReports> reports) {
        this.reports = reports;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Candidate candidate) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reports.getObject().candidatesChanged();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reports.getObject().candidatesChanged();
            }
        });
    }
}
