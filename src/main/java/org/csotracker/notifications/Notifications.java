package org.csotracker.notifications;

import java.time.Clock;

import org.csotracker.common.NotFoundException;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-app notifications: the notices each user sees in their list (and, later, by e-mail). */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final People people;
    private final Clock clock;

    Notifications(NotificationRepository notifications, People people, Clock clock) {
        this.notifications = notifications;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public void notifyUser(String username, String title, String body, String link) {
        if (username != null && !username.isBlank()) {
            notifications.save(new Notification(username, title, body, link, clock.instant()));
        }
    }

    /** Everyone holding the role gets the notice. */
    @Transactional
    public void notifyRole(Role role, String title, String body, String link) {
        people.usernamesWithRole(role).forEach(user -> notifyUser(user, title, body, link));
    }

    @Transactional(readOnly = true)
    public Page<Notification> of(String username, Pageable pageable) {
        return notifications.findByRecipientOrderByCreatedAtDesc(username, pageable);
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return notifications.countByRecipientAndReadAtIsNull(username);
    }

    /** Marks one of the user's own notices read; another user's id is simply not found. */
    @Transactional
    public void markRead(String username, Long id) {
        notifications.findByIdAndRecipient(id, username).orElseThrow(() -> NotFoundException.of("Notification", id))
                .markRead(clock.instant());
    }
}
