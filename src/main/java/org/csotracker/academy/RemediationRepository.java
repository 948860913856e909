package org.csotracker.academy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RemediationRepository extends JpaRepository<Remediation, Long> {

    List<Remediation> findByOfficerIdOrderByCreatedAt(Long officerId);

    List<Remediation> findByOfficerIdIn(java.util.Collection<Long> officerIds);

    boolean existsByOfficerIdAndModuleCode(Long officerId, String moduleCode);
}
