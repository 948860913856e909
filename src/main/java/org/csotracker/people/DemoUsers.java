package org.csotracker.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.csotracker.audit.AuditTrail;
import org.csotracker.demo.ConditionalOnDemoMode;
import org.csotracker.demo.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** One login per role, all with the password {@code demo}, the CSO linked to a demo officer. */
@Component
@ConditionalOnDemoMode
@Order(10)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final People people;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoUsers(People people, TransactionTemplate transaction, Clock clock) {
        this.people = people;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (people.userExists("admin")) {
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                AuditTrail.SYSTEM, null, AuthorityUtils.NO_AUTHORITIES));
        try {
            transaction.executeWithoutResult(status -> seed());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
        log.info("Demo logins created: hr, coordinator, supervisor, admin, cso (password '{}')", DemoMode.DEMO_PASSWORD);
    }

    private void seed() {
        user("hr", "Hannah Okafor", Set.of(Role.HR), null);
        user("coordinator", "Marcus Bell", Set.of(Role.COORDINATOR), null);
        user("supervisor", "Sgt. Dana Whitfield", Set.of(Role.SUPERVISOR), null);
        user("admin", "Priya Raman", Set.of(Role.ADMIN), null);
        Officer officer = people.hire(new NewOfficer("Lucía", "Hernández", "lucia.hernandez@example.org",
                "206-555-0142", "South", ProgramComponent.SYSTEM_NAVIGATOR, ShiftPattern.TUE_SAT_DAY,
                "supervisor", LocalDate.now(clock).minusMonths(14), null));
        user("cso", officer.getFullName(), Set.of(Role.CSO), officer.getId());
    }

    private void user(String username, String name, Set<Role> roles, Long officerId) {
        people.createUser(new NewUser(username, DemoMode.DEMO_PASSWORD, name, username + "@example.org", roles, officerId));
    }
}
