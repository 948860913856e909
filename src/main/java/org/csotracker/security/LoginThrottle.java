package org.csotracker.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins for a username, that
 * username is locked for {@code lockFor}, whatever the password. A success clears the count.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000).build();
    private final int maxFailures;
    private final Duration lockFor;
    private final Clock clock;

    LoginThrottle(@Value("${csotracker.security.max-login-failures:5}") int maxFailures,
                  @Value("${csotracker.security.login-lock:PT15M}") Duration lockFor, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        Failures f = failures.getIfPresent(key(username));
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String key = key(String.valueOf(event.getAuthentication().getName()));
        failures.asMap().compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(lockFor) : null);
        });
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        failures.invalidate(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }
}
