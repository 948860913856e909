package org.csotracker.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.csotracker.common.NotFoundException;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.mail.Mailer;
import org.csotracker.people.NotificationMail;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications: the notices each user sees in their list. Each notice is also e-mailed
 * when the user's preference asks for it ({@link NotificationMail}: every notice, reminders only
 * (the default) or none), through the mail outbox in the same transaction.
 */
@Service
public class Notifications {

    /** Reminders (deadlines, expiring certifications, overdue steps) are e-mailed by default; other notices are not. */
    public enum Kind { NOTICE, REMINDER }

    private final NotificationRepository notifications;
    private final People people;
    private final Mailer mailer;
    private final DepartmentSettings department;
    private final Clock clock;
    private final MessageSource messages;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    Notifications(NotificationRepository notifications, People people, Mailer mailer, DepartmentSettings department,
                  Clock clock, MessageSource messages, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.people = people;
        this.mailer = mailer;
        this.department = department;
        this.clock = clock;
    }

    @Transactional
    public void notifyUser(String username, String title, String body, String link) {
        send(username, Kind.NOTICE, title, body, link, null);
    }

    /** A reminder: e-mailed unless the user turned notification mail off. */
    @Transactional
    public void remindUser(String username, String title, String body, String link, String dedupeKey) {
        send(username, Kind.REMINDER, title, body, link, dedupeKey);
    }

    /**
     * A notice that reaches each user at most once per {@code dedupeKey} (a retried job or a
     * repeated event does not notify twice).
     */
    @Transactional
    public void send(String username, Kind kind, String title, String body, String link, String dedupeKey) {
        if (username == null || username.isBlank()) {
            return;
        }
        if (dedupeKey != null && notifications.existsByRecipientAndDedupeKey(username, dedupeKey)) {
            return;
        }
        Notification saved = notifications.save(new Notification(username, title, body, link, clock.instant(), dedupeKey));
        mail(saved, kind);
    }

    /** Everyone holding the role gets the notice. */
    @Transactional
    public void notifyRole(Role role, String title, String body, String link) {
        notifyRole(role, Kind.NOTICE, title, body, link, null);
    }

    /**
     * Everyone holding the role gets the notice, each at most once per {@code dedupeKey}: a fixed
     * number of statements however large the group (members and earlier notices in one query each,
     * the notices in one batch).
     */
    @Transactional
    public void notifyRole(Role role, Kind kind, String title, String body, String link, String dedupeKey) {
        notifyRole(role, kind, locale -> new Text(title, body), link, dedupeKey);
    }

    /**
     * Everyone holding the role gets the notice, each at most once per {@code dedupeKey}, written in the language
     * of their login: {@code texts} gives the title and the body for a language. A fixed number of statements
     * however large the group, as above.
     */
    @Transactional
    public void notifyRole(Role role, Kind kind, java.util.function.Function<Locale, Text> texts, String link,
                           String dedupeKey) {
        java.util.Set<String> already = dedupeKey == null ? java.util.Set.of()
                : new java.util.HashSet<>(notifications.recipientsWithKey(dedupeKey));
        List<People.Recipient> to = people.recipientsWithRole(role).stream().filter(r -> !already.contains(r.username())).toList();
        if (to.isEmpty()) {
            return;
        }
        java.util.Map<String, Text> byLanguage = new java.util.HashMap<>();
        java.util.function.Function<People.Recipient, Text> textOf =
                r -> byLanguage.computeIfAbsent(languageOf(r.language()), language -> texts.apply(Locale.forLanguageTag(language)));
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into cso.notification (recipient, title, body, link, created_at, dedupe_key) values (?, ?, ?, ?, ?, ?)",
                to, to.size(), (statement, recipient) -> {
                    Text text = textOf.apply(recipient);
                    statement.setString(1, recipient.username());
                    statement.setString(2, text.title());
                    statement.setString(3, text.body());
                    statement.setString(4, link);
                    statement.setTimestamp(5, now);
                    statement.setString(6, dedupeKey);
                });
        String mailKey = "notification:" + (dedupeKey != null ? dedupeKey : java.util.UUID.randomUUID());
        to.stream().filter(r -> wantsMail(r.notificationMail(), kind)).forEach(r -> {
            Text text = textOf.apply(r);
            mailer.queue(mailKey + ":" + r.username(), r.email(), text.title(),
                    text(text.title(), text.body(), link, Locale.forLanguageTag(languageOf(r.language()))));
        });
    }

    private static String languageOf(String language) {
        return language == null || !People.LANGUAGES.contains(language) ? People.LANGUAGES.get(0) : language;
    }

    /** A notice's title and body in one language. */
    public record Text(String title, String body) {
    }

    /** The language a user reads notices in: their login's, English for an unknown user. */
    Locale localeOf(String username) {
        return Locale.forLanguageTag(people.languageOf(username).orElse(People.LANGUAGES.get(0)));
    }

    /** A text of messages.properties. */
    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The message, or {@code otherwise} when the bundles have no such key. */
    String messageOr(String key, Locale locale, String otherwise) {
        return messages.getMessage(key, null, otherwise, locale);
    }

    @Transactional(readOnly = true)
    public Page<Notification> of(String username, Pageable pageable) {
        return notifications.findByRecipientOrderByCreatedAtDesc(username, pageable);
    }

    /** Every notice sent under that key (to all recipients). */
    @Transactional(readOnly = true)
    public List<Notification> withKey(String dedupeKey) {
        return notifications.findByDedupeKey(dedupeKey);
    }

    /**
     * How many of the user's notices are unread. Every page's navigation badge asks, so it is one indexed
     * count in plain JDBC ({@code notification_unread_idx}): no transaction or persistence context of its
     * own, which cost more than the count (inside a caller's transaction it still takes part in it).
     */
    public long unread(String username) {
        Long count = jdbc.queryForObject("select count(*) from cso.notification where recipient = ? and read_at is null",
                Long.class, username);
        return count == null ? 0 : count;
    }

    /** Marks one of the user's own notices read; another user's id is simply not found. */
    @Transactional
    public void markRead(String username, Long id) {
        notifications.findByIdAndRecipient(id, username).orElseThrow(() -> NotFoundException.of("Notification", id))
                .markRead(clock.instant());
    }

    private void mail(Notification notice, Kind kind) {
        people.mailPreference(notice.getRecipient())
                .filter(p -> wantsMail(p.notificationMail(), kind))
                .ifPresent(p -> mailer.queue("notification:" + notice.getId(), p.email(), notice.getTitle(),
                        text(notice.getTitle(), notice.getBody(), notice.getLink(), localeOf(notice.getRecipient()))));
    }

    private static boolean wantsMail(NotificationMail setting, Kind kind) {
        return setting == NotificationMail.ALL || setting == NotificationMail.REMINDERS && kind == Kind.REMINDER;
    }

    /** The mail of a notice; its last line in the recipient's language (the notice itself was written in it). */
    private String text(String title, String body, String link, Locale locale) {
        StringBuilder text = new StringBuilder(title).append("\n\n");
        if (body != null && !body.isBlank()) {
            text.append(body).append("\n\n");
        }
        if (link != null) {
            text.append(department.publicBaseUrl().replaceAll("/+$", "")).append(link).append("\n\n");
        }
        return text.append(message("mail.notification.footer", locale)).append('\n').toString();
    }
}
