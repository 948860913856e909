package org.csotracker.support;

import java.util.Set;

import org.csotracker.people.NewUser;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Logins for tests: one per role, created on first use, all with {@link #PASSWORD}. */
@TestComponent
public class TestUsers {

    public static final String PASSWORD = "test-password-1";

    private final People people;
    private final UserDetailsService userDetails;
    private final TransactionTemplate transaction;

    TestUsers(People people, UserDetailsService userDetails, TransactionTemplate transaction) {
        this.people = people;
        this.userDetails = userDetails;
        this.transaction = transaction;
    }

    /** A staff login {@code test-<role>} holding just that role. */
    public String staff(Role role) {
        return ensure("test-" + role.name().toLowerCase(), Set.of(role), null);
    }

    /** A login with the given roles and, for a CSO, the officer it is linked to. */
    public String ensure(String username, Set<Role> roles, Long officerId) {
        if (!people.userExists(username)) {
            asSystem(() -> transaction.executeWithoutResult(status -> people.createUser(new NewUser(username, PASSWORD,
                    "Test " + username, username + "@example.org", roles, officerId))));
        }
        return username;
    }

    /** Signs a MockMvc request in as that user, with the principal the app builds at login. */
    public RequestPostProcessor as(String username) {
        UserDetails user = userDetails.loadUserByUsername(username);
        return SecurityMockMvcRequestPostProcessors.user(user);
    }

    public RequestPostProcessor as(Role role) {
        return as(staff(role));
    }

    public static <T> T asSystemGet(java.util.function.Supplier<T> action) {
        Object[] result = new Object[1];
        asSystem(() -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    public static void asSystem(Runnable action) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("system", null, AuthorityUtils.NO_AUTHORITIES));
        try {
            action.run();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
