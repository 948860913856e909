package org.csotracker.certification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.csotracker.common.Transactions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Caches what a CSO and the public read most (an officer's status, a certificate's verification)
 * under the officer's revision, which the database bumps on every change to the records they are
 * made of (see V9__officer_revision.sql). A hit costs one indexed read, is never stale, and works
 * on every node of a cluster. The date is part of the key because expiry and countdowns move
 * with it; entries also expire after a while so rule changes (a redeployed DMN) show up.
 */
@Component
class StatusCache {

    private record Key(Object id, long revision, LocalDate day) {
    }

    private final Cache<Key, Object> entries = Caffeine.newBuilder().maximumSize(5_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    StatusCache(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** The officer's status, computed in a read-only transaction when the officer changed since it was cached. */
    @SuppressWarnings("unchecked")
    <T> T ofOfficer(long officerId, Supplier<T> compute) {
        if (Transactions.writing()) { // the revision may belong to changes that roll back: never cache
            return compute.get();
        }
        // read the revision before the data: data read afterwards is at least as new as the key says
        Long revision = jdbc.query("select revision from cso.officer_revision where officer_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, officerId);
        return (T) entries.get(new Key(officerId, revision, LocalDate.now(clock)), k -> readOnly.execute(tx -> compute.get()));
    }

    /** A certificate's verification; empty (and not cached) when the number is unknown. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> ofCertificate(String number, Supplier<Optional<T>> compute) {
        if (Transactions.writing()) { // the revision may belong to changes that roll back: never cache
            return compute.get();
        }
        Long revision = jdbc.query("""
                select coalesce(r.revision, 0) from cso.certificate c
                left join cso.officer_revision r on r.officer_id = c.officer_id where c.number = ?""",
                rs -> rs.next() ? rs.getLong(1) : null, number);
        if (revision == null) {
            return Optional.empty();
        }
        Key key = new Key(number, revision, LocalDate.now(clock));
        Object cached = entries.getIfPresent(key);
        if (cached != null) {
            return Optional.of((T) cached);
        }
        Optional<T> computed = readOnly.execute(tx -> compute.get());
        computed.ifPresent(value -> entries.put(key, value));
        return computed;
    }
}
