package org.csotracker.certification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByNumber(String number);

    Optional<Certificate> findByCertificationIdAndPeriodStart(Long certificationId, LocalDate periodStart);

    List<Certificate> findByOfficerIdOrderByIssuedAtDesc(Long officerId);

    Optional<Certificate> findBySha256(String sha256);

    @Query(value = "select nextval('cso.certificate_number_seq')", nativeQuery = true)
    long nextNumber();
}
