package org.csotracker.demo;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs demo seeding as a named demo user, so the audit trail reads like real work. */
public final class DemoActor {

    private DemoActor() {
    }

    public static <T> T as(String username, Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, AuthorityUtils.NO_AUTHORITIES));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }

    public static void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
