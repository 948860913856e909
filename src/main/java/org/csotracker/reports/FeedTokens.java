package org.csotracker.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.csotracker.audit.AuditTrail;
import org.csotracker.people.Tokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret calendar links: a random token per officer, kept only as its SHA-256 hash (the token has
 * 192 random bits, so a plain hash is enough). The token opens that officer's calendar feed and
 * nothing else; a new link replaces the old one, which stops working at once.
 */
@Service
class FeedTokens {

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    FeedTokens(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new link for the officer; any earlier link stops working. Returns the token (shown once). */
    @Transactional
    public String reset(Long officerId) {
        String token = Tokens.random();
        jdbc.update("""
                insert into cso.calendar_feed (officer_id, token_hash, created_at, created_by) values (?, ?, ?, ?)
                on conflict (officer_id) do update set token_hash = excluded.token_hash,
                    created_at = excluded.created_at, created_by = excluded.created_by
                """, officerId, hash(token), Timestamp.from(clock.instant()), AuditTrail.currentActor());
        audit.record("CalendarFeed", officerId, "CALENDAR_LINK_CREATED", "A new secret calendar link; any earlier one no longer works");
        return token;
    }

    @Transactional(readOnly = true)
    public Optional<Long> officerFor(String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.query("select officer_id from cso.calendar_feed where token_hash = ?",
                (rs, i) -> rs.getLong(1), hash(token)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Instant> createdAt(Long officerId) {
        return jdbc.query("select created_at from cso.calendar_feed where officer_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), officerId).stream().findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
