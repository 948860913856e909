package org.csotracker.security;

import java.util.Collection;
import java.util.Set;

import org.csotracker.people.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user: their roles and, for a CSO, the officer record they may see. */
public class CsoUser extends User {

    private final Long officerId;
    private final String displayName;
    private final Set<Role> roles;

    CsoUser(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
            Set<Role> roles, Long officerId, String displayName) {
        super(username, password, enabled, true, true, true, authorities);
        this.officerId = officerId;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
    }

    /** The officer record of a CSO login, null for staff. */
    public Long getOfficerId() {
        return officerId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
