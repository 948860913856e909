package org.csotracker.academy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RecruitRepository extends JpaRepository<Recruit, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Recruit r where r.officerId = :officerId and r.status = 'ENROLLED'")
    Optional<Recruit> lockEnrolled(Long officerId);

    Optional<Recruit> findFirstByOfficerIdOrderByEnrolledAtDesc(Long officerId);

    List<Recruit> findByOfficerIdOrderByEnrolledAt(Long officerId);

    List<Recruit> findByCohortIdAndStatusIn(Long cohortId, Collection<RecruitStatus> statuses);

    long countByCohortIdAndStatus(Long cohortId, RecruitStatus status);

    /** How many recruits each cohort has in each status: rows of (cohortId, status, count). */
    @Query("select r.cohortId, r.status, count(r) from Recruit r group by r.cohortId, r.status")
    List<Object[]> countByCohortAndStatus();
}
