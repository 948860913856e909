package org.csotracker.academy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrainingModuleRepository extends JpaRepository<TrainingModule, Long> {

    /** The current version of every module, in curriculum order. */
    @Query("""
            select m from TrainingModule m
            where m.version = (select max(v.version) from TrainingModule v where v.code = m.code)
            order by m.weekFrom, m.code
            """)
    List<TrainingModule> findCurrent();

    Optional<TrainingModule> findFirstByCodeOrderByVersionDesc(String code);

    List<TrainingModule> findByCodeOrderByVersionDesc(String code);
}
