package org.csotracker.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    @Query("select e from AuditEvent e where e.subjectType = :subjectType and e.subjectId = :subjectId order by e.occurredAt, e.id")
    List<AuditEvent> findBySubjectTypeAndSubjectIdOrderByOccurredAtAscIdAsc(String subjectType, String subjectId);

    Page<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);
}
