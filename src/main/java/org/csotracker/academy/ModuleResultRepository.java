package org.csotracker.academy;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModuleResultRepository extends JpaRepository<ModuleResult, Long> {

    List<ModuleResult> findByOfficerIdOrderByRecordedAt(Long officerId);

    List<ModuleResult> findByOfficerIdAndModuleCodeOrderByAttempt(Long officerId, String moduleCode);

    List<ModuleResult> findByOfficerIdInAndModuleCodeOrderByAttempt(java.util.Collection<Long> officerIds, String moduleCode);

    List<ModuleResult> findByOfficerIdIn(Collection<Long> officerIds);
}
