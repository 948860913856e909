package org.csotracker.people;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OfficerRepository extends JpaRepository<Officer, Long> {

    Optional<Officer> findByCandidateId(Long candidateId);

    Optional<Officer> findByEmployeeNumber(String employeeNumber);

    java.util.List<Officer> findBySupervisorOrderByLastNameAscFirstNameAsc(String supervisor);

    org.springframework.data.domain.Page<Officer> findByStatusInOrderByLastNameAscFirstNameAsc(
            java.util.Collection<OfficerStatus> statuses, org.springframework.data.domain.Pageable pageable);

    java.util.List<Officer> findByStatusOrderByHiredOnAscIdAsc(OfficerStatus status,
                                                               org.springframework.data.domain.Pageable page);

    @Query(value = "select nextval('cso.employee_number_seq')", nativeQuery = true)
    long nextEmployeeNumber();
}
