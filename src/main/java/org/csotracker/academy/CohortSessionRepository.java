package org.csotracker.academy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CohortSessionRepository extends JpaRepository<CohortSession, Long> {

    List<CohortSession> findByCohortIdOrderByWeekAscModuleCodeAsc(Long cohortId);
}
