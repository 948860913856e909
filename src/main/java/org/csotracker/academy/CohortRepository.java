package org.csotracker.academy;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CohortRepository extends JpaRepository<Cohort, Long> {

    boolean existsByName(String name);

    List<Cohort> findAllByOrderByStartDateDesc();

    List<Cohort> findByEndDateGreaterThanEqualOrderByStartDate(LocalDate date);
}
