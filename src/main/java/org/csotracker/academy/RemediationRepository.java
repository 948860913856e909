package org.csotracker.academy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RemediationRepository extends JpaRepository<Remediation, Long> {

    List<Remediation> findByOfficerIdOrderByCreatedAt(Long officerId);

    boolean existsByOfficerIdAndModuleCode(Long officerId, String moduleCode);
}
