package org.csotracker.mail;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

    @Query("select count(m) > 0 from OutgoingMail m where m.dedupeKey = :dedupeKey")
    boolean existsByDedupeKey(String dedupeKey);

    /**
     * Up to {@code limit} unsent mails queued after mail {@code afterId}, oldest first, skipping rows another node
     * is sending right now.
     */
    @Query(value = "select * from cso.outgoing_mail where sent_at is null and attempts < 10 and id > :afterId order by id "
            + "limit :limit for update skip locked", nativeQuery = true)
    List<OutgoingMail> lockPending(@Param("afterId") long afterId, @Param("limit") int limit);
}
