package org.csotracker.people;

import java.time.Instant;
import java.util.Set;

/** A login as administrators see it: never its password hash or activation token. */
public record UserSummary(Long id, String username, String displayName, String email, Set<Role> roles,
                          boolean enabled, boolean awaitingActivation, Long officerId, Instant createdAt, long version) {

    static UserSummary of(UserAccount account) {
        return new UserSummary(account.getId(), account.getUsername(), account.getDisplayName(), account.getEmail(),
                account.getRoles(), account.isEnabled(), account.getActivationToken() != null, account.getOfficerId(),
                account.getCreatedAt(), account.getVersion());
    }

    public String status() {
        if (!enabled) {
            return awaitingActivation ? "Awaiting activation" : "Disabled";
        }
        return awaitingActivation ? "Password reset sent" : "Active";
    }
}
