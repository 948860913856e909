package org.csotracker.academy;

import java.util.List;

import org.csotracker.hiring.CohortDirectory;
import org.springframework.stereotype.Component;

/** Lets HR name a cohort in an offer, without hiring depending on the academy. */
@Component
class AcademyCohorts implements CohortDirectory {

    private final Academy academy;

    AcademyCohorts(Academy academy) {
        this.academy = academy;
    }

    @Override
    public List<CohortChoice> openCohorts() {
        return academy.openCohorts().stream().map(c -> new CohortChoice(c.getId(), c.getName(), c.getStartDate())).toList();
    }

    @Override
    public boolean isOpen(Long cohortId) {
        return academy.openCohorts().stream().anyMatch(c -> c.getId().equals(cohortId));
    }
}
