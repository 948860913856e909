package org.csotracker.mail;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

    boolean existsByDedupeKey(String dedupeKey);

    /** Unsent mails, oldest first, skipping rows another node is sending right now. */
    @Query(value = "select * from cso.outgoing_mail where sent_at is null and attempts < 10 order by id limit 50 "
            + "for update skip locked", nativeQuery = true)
    List<OutgoingMail> lockPending();
}
