package org.csotracker.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<CsoUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CsoUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static CsoUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
