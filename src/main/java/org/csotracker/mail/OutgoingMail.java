package org.csotracker.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mail waiting to be sent (the outbox). Written in the same transaction as the change it reports,
 * so a mail exists exactly when the change was committed; {@code dedupeKey} makes a retried
 * engine job queue it only once.
 */
@Entity
@Table(name = "outgoing_mail")
class OutgoingMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true) private String dedupeKey;
    @Column(nullable = false) private String recipient;
    @Column(nullable = false) private String subject;
    @Column(nullable = false, length = 10000) private String body;
    @Column(nullable = false) private Instant queuedAt;
    private Instant sentAt;
    private int attempts;
    private String lastError;

    protected OutgoingMail() {
    }

    OutgoingMail(String dedupeKey, String recipient, String subject, String body, Instant now) {
        this.dedupeKey = dedupeKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.queuedAt = now;
    }

    void sent(Instant now) {
        this.sentAt = now;
        this.attempts++;
    }

    void failed(String error) {
        this.attempts++;
        this.lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 500));
    }

    Long getId() { return id; }
    String getRecipient() { return recipient; }
    String getSubject() { return subject; }
    String getBody() { return body; }
    Instant getSentAt() { return sentAt; }
    int getAttempts() { return attempts; }
}
