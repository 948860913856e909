package org.csotracker.security;

import org.csotracker.common.NotFoundException;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.springframework.stereotype.Component;

/**
 * Object-level access to an officer's records (OWASP ASVS 8.2.2): staff who run the program see
 * everyone; a supervisor sees their own unit; a CSO sees only themself. Anything else is "not
 * found", so ids of other people's records reveal nothing.
 */
@Component
public class OfficerAccess {

    private final People people;

    OfficerAccess(People people) {
        this.people = people;
    }

    public Officer requireVisible(Long officerId) {
        CsoUser user = CurrentUser.require();
        Officer officer = people.findOfficer(officerId).orElseThrow(() -> NotFoundException.of("Officer", officerId));
        if (!canSee(user, officer)) {
            throw NotFoundException.of("Officer", officerId);
        }
        return officer;
    }

    public static boolean canSee(CsoUser user, Officer officer) {
        if (user.hasRole(Role.ADMIN) || user.hasRole(Role.HR) || user.hasRole(Role.COORDINATOR)) {
            return true;
        }
        if (user.hasRole(Role.SUPERVISOR) && user.getUsername().equals(officer.getSupervisor())) {
            return true;
        }
        return user.hasRole(Role.CSO) && officer.getId().equals(user.getOfficerId());
    }
}
