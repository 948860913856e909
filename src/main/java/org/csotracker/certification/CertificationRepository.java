package org.csotracker.certification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CertificationRepository extends JpaRepository<Certification, Long> {

    Optional<Certification> findByOfficerId(Long officerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Certification c where c.id = :id")
    Optional<Certification> lockById(Long id);

    List<Certification> findByOfficerIdIn(Collection<Long> officerIds);

    @Query("select c from Certification c where c.status in :statuses and c.periodEnd <= :until order by c.periodEnd")
    List<Certification> expiringBy(Collection<CertificationStatus> statuses, LocalDate until);
}
