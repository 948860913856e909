package org.csotracker.academy;

import java.time.LocalDate;
import java.util.List;

/** A recruit passed every module and their cohort has ended: certification takes over. */
public record AcademyCompleted(Long officerId, Long cohortId, String cohortName, LocalDate completedOn,
                               List<CompletedModule> modules) {

    public record CompletedModule(String code, String title, int hours, int score) {
    }
}
