package org.csotracker.people;

import java.time.LocalDate;

/** What hiring knows about a person when they become an officer. */
public record NewOfficer(
        String firstName,
        String lastName,
        String email,
        String phone,
        String district,
        ProgramComponent programComponent,
        ShiftPattern shiftPattern,
        String supervisor,
        LocalDate hiredOn,
        Long candidateId) {
}
