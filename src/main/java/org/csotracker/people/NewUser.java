package org.csotracker.people;

import java.util.Set;

/** A login to create; {@code rawPassword} is hashed with bcrypt and never stored. */
public record NewUser(String username, String rawPassword, String displayName, String email, Set<Role> roles,
                      Long officerId) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", rawPassword=(hidden), displayName=" + displayName + ", email=" + email
                + ", roles=" + roles + ", officerId=" + officerId + "]";
    }
}
