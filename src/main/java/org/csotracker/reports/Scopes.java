package org.csotracker.reports;

import org.csotracker.certification.CertificationReports;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.security.CsoUser;

/** Whose certifications a user may see in reports: program staff everyone, a supervisor only their unit. */
final class Scopes {

    private Scopes() {
    }

    static boolean unitOnly(CsoUser user) {
        return !user.hasRole(Role.COORDINATOR) && !user.hasRole(Role.ADMIN);
    }

    static CertificationReports.Scope of(CsoUser user, People people) {
        if (!unitOnly(user)) {
            return CertificationReports.Scope.all();
        }
        if (!user.hasRole(Role.SUPERVISOR)) {
            throw new org.springframework.security.access.AccessDeniedException("Certification reports are for staff");
        }
        return CertificationReports.Scope.of(people.unitOf(user.getUsername()).stream().map(Officer::getId).toList());
    }
}
