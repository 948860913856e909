package org.csotracker.certification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CeRecordRepository extends JpaRepository<ContinuingEducationRecord, Long> {

    List<ContinuingEducationRecord> findByOfficerIdOrderByCompletedOnDesc(Long officerId);

    @Query("""
            select r from ContinuingEducationRecord r where r.officerId = :officerId and r.category = :category
              and lower(r.title) = lower(:title) and r.completedOn = :completedOn and r.status <> 'REJECTED'
            """)
    Optional<ContinuingEducationRecord> findSame(Long officerId, String category, String title, LocalDate completedOn);

    @Query("""
            select r.category, sum(r.hours) from ContinuingEducationRecord r
            where r.officerId = :officerId and r.status = 'APPROVED' and r.completedOn >= :from and r.completedOn <= :to
            group by r.category
            """)
    List<Object[]> approvedHoursByCategory(Long officerId, LocalDate from, LocalDate to);

    Page<ContinuingEducationRecord> findByStatusOrderByRecordedAt(CeStatus status, Pageable pageable);

    List<ContinuingEducationRecord> findByOfficerIdIn(Collection<Long> officerIds);
}
