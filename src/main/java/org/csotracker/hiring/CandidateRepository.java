package org.csotracker.hiring;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CandidateRepository extends JpaRepository<Candidate, Long> {

    @Query("select count(c) > 0 from Candidate c where c.email = :email and c.closedAt is null")
    boolean existsByEmailAndClosedAtIsNull(String email);

    Optional<Candidate> findByOfferToken(String token);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Candidate c where c.id = :id")
    Optional<Candidate> lockById(Long id);

    @Query("""
            select c from Candidate c
            where c.stage in :stages
              and (:q = '' or lower(c.lastName) like concat(:q, '%') or lower(c.firstName) like concat(:q, '%')
                   or c.email like concat(:q, '%'))
              and (:district = '' or lower(c.districtPreference) = :district or lower(c.offerDistrict) = :district)
            """)
    Page<Candidate> search(Collection<HiringStage> stages, String q, String district, Pageable pageable);

    @Query("select c.stage, count(c) from Candidate c group by c.stage")
    List<Object[]> countByStage();

    /** One board column: the first cards of a stage, without a count query (the board counts separately). */
    @Query("""
            select c from Candidate c
            where c.stage = :stage
              and (:q = '' or lower(c.lastName) like concat(:q, '%') or lower(c.firstName) like concat(:q, '%')
                   or c.email like concat(:q, '%'))
              and (:district = '' or lower(c.districtPreference) = :district or lower(c.offerDistrict) = :district)
            """)
    List<Candidate> column(HiringStage stage, String q, String district, Pageable pageable);

    /** Candidates per stage matching the board's filters, in one query. */
    @Query("""
            select c.stage, count(c) from Candidate c
            where 1 = 1
              and (:q = '' or lower(c.lastName) like concat(:q, '%') or lower(c.firstName) like concat(:q, '%')
                   or c.email like concat(:q, '%'))
              and (:district = '' or lower(c.districtPreference) = :district or lower(c.offerDistrict) = :district)
            group by c.stage
            """)
    List<Object[]> countByStage(String q, String district);
}
