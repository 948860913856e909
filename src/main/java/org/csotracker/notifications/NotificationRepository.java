package org.csotracker.notifications;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    Page<Notification> findByRecipientOrderByCreatedAtDesc(String recipient, Pageable pageable);

    Optional<Notification> findByIdAndRecipient(Long id, String recipient);

    @org.springframework.data.jpa.repository.Query("select count(n) > 0 from Notification n where n.recipient = :recipient and n.dedupeKey = :dedupeKey")
    boolean existsByRecipientAndDedupeKey(String recipient, String dedupeKey);

    java.util.List<Notification> findByDedupeKey(String dedupeKey);

    @org.springframework.data.jpa.repository.Query("select n.recipient from Notification n where n.dedupeKey = :dedupeKey")
    java.util.List<String> recipientsWithKey(String dedupeKey);
}
