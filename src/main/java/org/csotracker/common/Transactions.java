package org.csotracker.common;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Questions about the transaction the current thread runs in. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Whether the thread is inside a read-write transaction: what it reads may include its own
     * changes that can still roll back, so caches must not keep it.
     */
    public static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
