package org.csotracker.people;

import java.util.Set;

/** What authentication needs to know about a user. */
public record Login(Long userId, String username, String passwordHash, boolean enabled, Set<Role> roles,
                    Long officerId, String displayName) {
}
