package org.csotracker.people;

import java.util.Set;

import org.csotracker.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new installation without demo data has no users. With {@code CSOTRACKER_ADMIN_PASSWORD} set,
 * the first start creates the login {@code admin}; the password comes from the environment, never
 * from the repository. Once any administrator exists this does nothing.
 */
@Component
@Order(20) // after the demo logins, so a demo start does not warn
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final People people;
    private final TransactionTemplate transaction;
    private final String password;

    FirstAdministrator(People people, TransactionTemplate transaction,
                       @Value("${csotracker.admin-password:}") String password) {
        this.people = people;
        this.transaction = transaction;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!people.usernamesWithRole(Role.ADMIN).isEmpty() || people.userExists("admin")) {
            return;
        }
        if (password.isBlank()) {
            log.warn("No administrator exists yet. Start once with CSOTRACKER_ADMIN_PASSWORD set to create the login 'admin'.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                AuditTrail.SYSTEM, null, AuthorityUtils.NO_AUTHORITIES));
        try {
            transaction.executeWithoutResult(status -> people.createUser(
                    new NewUser("admin", password, "Administrator", null, Set.of(Role.ADMIN), null)));
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Created the first administrator login 'admin'.");
    }
}
