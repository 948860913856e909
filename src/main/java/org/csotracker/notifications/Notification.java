package org.csotracker.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message in one user's in-app notification list. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false) private String recipient;
    @Column(nullable = false) private String title;
    @Column(length = 2000) private String body;
    private String link;
    @Column(nullable = false) private Instant createdAt;
    private Instant readAt;
    /** Set for notices that must reach each user at most once (one per task, one per due date). */
    private String dedupeKey;

    protected Notification() {
    }

    Notification(String recipient, String title, String body, String link, Instant now) {
        this(recipient, title, body, link, now, null);
    }

    Notification(String recipient, String title, String body, String link, Instant now, String dedupeKey) {
        this.dedupeKey = dedupeKey;
        this.recipient = recipient;
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = now;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getLink() { return link; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
    public boolean isRead() { return readAt != null; }
    public String getDedupeKey() { return dedupeKey; }
}
