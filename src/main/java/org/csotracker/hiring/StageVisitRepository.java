package org.csotracker.hiring;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StageVisitRepository extends JpaRepository<StageVisit, Long> {

    @Query("select v from StageVisit v where v.candidateId = :candidateId and v.leftAt is null order by v.enteredAt desc limit 1")
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

    /**
     * stage; finished stays; median, 90th percentile and mean days of finished stays; candidates in
     * the stage now; median days the current ones have waited so far.
     */
    @Query(value = """
            select stage,
                   count(*) filter (where left_at is not null) as finished,
                   percentile_cont(0.5) within group (order by extract(epoch from (left_at - entered_at)) / 86400.0)
                       filter (where left_at is not null) as median_days,
                   percentile_cont(0.9) within group (order by extract(epoch from (left_at - entered_at)) / 86400.0)
                       filter (where left_at is not null) as p90_days,
                   avg(extract(epoch from (left_at - entered_at)) / 86400.0) filter (where left_at is not null) as mean_days,
                   count(*) filter (where left_at is null) as current,
                   percentile_cont(0.5) within group (order by extract(epoch from (cast(:now as timestamptz) - entered_at)) / 86400.0)
                       filter (where left_at is null) as current_median_days
            from cso.candidate_stage
            group by stage
            """, nativeQuery = true)
    List<Object[]> timeInStageRows(@org.springframework.data.repository.query.Param("now") java.time.OffsetDateTime now);
}
