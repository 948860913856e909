package org.csotracker.hiring;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StageVisitRepository extends JpaRepository<StageVisit, Long> {

    Optional<StageVisit> findFirstByCandidateIdAndLeftAtIsNullOrderByEnteredAtDesc(Long candidateId);

    /** stage, candidates who reached it, median days spent there (finished stays only). */
    @Query(value = """
            select stage,
                   count(distinct candidate_id) as reached,
                   percentile_cont(0.5) within group (order by extract(epoch from (left_at - entered_at)) / 86400.0)
                       filter (where left_at is not null) as median_days
            from cso.candidate_stage
            group by stage
            """, nativeQuery = true)
    List<Object[]> funnelRows();
}
