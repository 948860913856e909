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

    /** The status in English, for the API. */
    public String status() {
        return switch (statusCode()) {
            case "AWAITING_ACTIVATION" -> "Awaiting activation";
            case "DISABLED" -> "Disabled";
            case "RESET_SENT" -> "Password reset sent";
            default -> "Active";
        };
    }

    /** The status as a code: pages show it in the reader's language ({@code admin.user.status.*} messages). */
    public String statusCode() {
        if (!enabled) {
            return awaitingActivation ? "AWAITING_ACTIVATION" : "DISABLED";
        }
        return awaitingActivation ? "RESET_SENT" : "ACTIVE";
    }
}
