package org.csotracker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password sign-in (form and HTTP Basic). A locked username is refused before the password is
 * checked. API clients send their password with every call; checking bcrypt each time would cost
 * tens of milliseconds of CPU per request, so a successful check is remembered for a few minutes,
 * keyed by a salted SHA-256 of the credentials (never the password itself) and forgotten when any
 * login changes.
 */
@Configuration(proxyBeanMethods = false)
class ThrottledAuthenticationProvider {

    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle,
                                                  RecentCredentials recent) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if (throttle.isLocked(authentication.getName())) {
                    throw new LockedException("Too many failed sign-ins. Try again in a few minutes.");
                }
                String key = recent.key(authentication);
                Authentication known = key == null ? null : recent.get(key);
                if (known != null) {
                    return known;
                }
                Authentication result = super.authenticate(authentication);
                if (key != null) {
                    recent.put(key, result);
                }
                return result;
            }
        };
        provider.setPasswordEncoder(passwords);
        return provider;
    }

    /** Credentials checked in the last few minutes. */
    @Component
    static class RecentCredentials {

        private final byte[] salt = new SecureRandom().generateSeed(32);
        private final Cache<String, Authentication> cache;

        RecentCredentials(@Value("${csotracker.security.credential-cache:PT5M}") Duration ttl) {
            this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        }

        String key(Authentication authentication) {
            if (!(authentication instanceof UsernamePasswordAuthenticationToken) || authentication.getCredentials() == null) {
                return null;
            }
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                sha.update(authentication.getName().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(authentication.getCredentials().toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Authentication get(String key) {
            return cache.getIfPresent(key);
        }

        void put(String key, Authentication authentication) {
            cache.put(key, authentication);
        }

        /** A password, role or status changed somewhere: nothing cached may outlive it. */
        @EventListener
        void onLoginChanged(org.csotracker.people.LoginChanged changed) {
            cache.invalidateAll();
        }
    }
}
