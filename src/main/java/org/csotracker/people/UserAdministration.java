package org.csotracker.people;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.mail.Mailer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators manage logins: create them, change roles, disable and enable them, send a password
 * reset link. Nobody ever sees or sets another person's password. Guard rails: an administrator
 * cannot demote or disable themselves, and the last enabled administrator stays. Every change is
 * audited and makes the app forget the login's cached credentials and end its sessions.
 */
@Service
public class UserAdministration {

    static final Duration LINK_VALIDITY = Duration.ofDays(7);

    private final UserAccountRepository users;
    private final OfficerRepository officers;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final DepartmentSettings department;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, OfficerRepository officers, PasswordEncoder passwords, Mailer mailer,
                       DepartmentSettings department, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.officers = officers;
        this.passwords = passwords;
        this.mailer = mailer;
        this.department = department;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Logins whose username, name or e-mail contains {@code text} (all when blank), by username. */
    @Transactional(readOnly = true)
    public Page<UserSummary> search(String text, Pageable pageable) {
        String pattern = text == null || text.isBlank() ? ""
                : "%" + text.strip().toLowerCase().replace("\\", "").replace("%", "").replace("_", "") + "%";
        return users.search(pattern, pageable).map(UserSummary::of);
    }

    @Transactional(readOnly = true)
    public UserSummary get(Long id) {
        return UserSummary.of(account(id));
    }

    /** A new login, disabled until its owner chooses a password through the mailed link. */
    @Transactional
    public UserSummary create(NewLogin login) {
        if (users.existsByUsername(login.username())) {
            throw new ConflictException(Text.of("problem.usernameTaken", login.username()));
        }
        Set<Role> roles = EnumSet.copyOf(login.roles());
        checkOfficerLink(roles, login.officerId(), null);
        UserAccount account = new UserAccount(login.username(), passwords.encode(Tokens.random()), login.displayName().strip(),
                login.email().strip(), roles, login.officerId(), clock.instant());
        account.setEnabled(false);
        account.awaitActivation(Tokens.random(), clock.instant().plus(LINK_VALIDITY));
        users.save(account);
        audit.record("UserAccount", account.getId(), "USER_CREATED",
                "Login " + account.getUsername() + " with roles " + roles
                        + (login.officerId() == null ? "" : " for officer " + login.officerId()) + "; activation link mailed");
        mailLink(account, "Your CSO Tracker login",
                "Hello " + account.getDisplayName() + ",\n\nan administrator created the CSO Tracker login '"
                        + account.getUsername() + "' for you. Choose your password here (the link works once, for "
                        + LINK_VALIDITY.toDays() + " days):\n");
        return UserSummary.of(account);
    }

    @Transactional
    public UserSummary changeRoles(Long id, Set<Role> roles, long version) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", Text.of("invalid.atLeastOneRole"));
        }
        UserAccount account = current(id, version);
        Set<Role> before = account.getRoles();
        Set<Role> after = EnumSet.copyOf(roles);
        if (before.equals(after)) {
            return UserSummary.of(account);
        }
        if (before.contains(Role.ADMIN) && !after.contains(Role.ADMIN)) {
            if (isSelf(account)) {
                throw new ConflictException(Text.of("problem.ownAdminRole"));
            }
            requireAnotherAdministrator(account, "demoted");
        }
        checkOfficerLink(after, account.getOfficerId(), account.getId());
        account.setRoles(after);
        users.flush();
        audit.record("UserAccount", id, "ROLES_CHANGED", account.getUsername() + ": " + before + " → " + after);
        events.publishEvent(new LoginChanged(account.getUsername(), true));
        return UserSummary.of(account);
    }

    /** Disables or enables a login; a disabled login cannot sign in and its open sessions end. */
    @Transactional
    public UserSummary setEnabled(Long id, boolean enabled, long version) {
        UserAccount account = current(id, version);
        if (account.isEnabled() == enabled) {
            return UserSummary.of(account);
        }
        if (!enabled) {
            if (isSelf(account)) {
                throw new ConflictException(Text.of("problem.disableOwnLogin"));
            }
            if (account.getRoles().contains(Role.ADMIN)) {
                requireAnotherAdministrator(account, "disabled");
            }
        }
        account.setEnabled(enabled);
        if (!enabled) {
            account.awaitActivation(null, null); // a pending activation or reset link must not re-enable the login
        }
        users.flush();
        audit.record("UserAccount", id, enabled ? "LOGIN_ENABLED" : "LOGIN_DISABLED", account.getUsername());
        events.publishEvent(new LoginChanged(account.getUsername(), true));
        return UserSummary.of(account);
    }

    /**
     * Mails a one-time link to choose a new password. The old password stops working at once; the
     * new one is never seen by the administrator.
     */
    @Transactional
    public UserSummary resetPassword(Long id, long version) {
        UserAccount account = current(id, version);
        if (!account.isEnabled() && account.getActivationToken() == null) {
            throw new ConflictException(Text.of("problem.resetDisabledLogin"));
        }
        if (account.getEmail() == null || account.getEmail().isBlank()) {
            throw new ConflictException(Text.of("problem.resetNoEmail"));
        }
        account.setPasswordHash(passwords.encode(Tokens.random()));
        account.awaitActivation(Tokens.random(), clock.instant().plus(LINK_VALIDITY));
        users.flush();
        audit.record("UserAccount", id, "PASSWORD_RESET", "reset link mailed to " + account.getEmail());
        mailLink(account, "Reset your CSO Tracker password",
                "Hello " + account.getDisplayName() + ",\n\nan administrator reset the password of your CSO Tracker login '"
                        + account.getUsername() + "'. Choose a new password here (the link works once, for "
                        + LINK_VALIDITY.toDays() + " days):\n");
        events.publishEvent(new LoginChanged(account.getUsername(), true));
        return UserSummary.of(account);
    }

    private void mailLink(UserAccount account, String subject, String text) {
        String link = department.publicBaseUrl().replaceAll("/+$", "") + "/activate/" + account.getActivationToken();
        mailer.queue("activation:" + account.getId() + ":" + account.getActivationToken(), account.getEmail(), subject,
                text + link + "\n\nIf you did not expect this message, tell your administrator.\n");
    }

    private UserAccount account(Long id) {
        return users.findById(id).orElseThrow(() -> NotFoundException.of("User", id));
    }

    /** The login as the administrator last saw it: an older version means someone changed it since. */
    private UserAccount current(Long id, long version) {
        UserAccount account = account(id);
        if (account.getVersion() != version) {
            throw new ConflictException(Text.of("problem.loginStale"),
                    java.util.Map.of("currentVersion", account.getVersion()));
        }
        return account;
    }

    private static boolean isSelf(UserAccount account) {
        return Objects.equals(AuditTrail.currentActor(), account.getUsername());
    }

    private void requireAnotherAdministrator(UserAccount account, String what) {
        List<UserAccount> admins = users.lockEnabledAdministrators();
        boolean another = admins.stream().anyMatch(a -> !a.getId().equals(account.getId()));
        if (!another) {
            throw new ConflictException(Text.of("problem.lastAdministrator." + what, account.getUsername()));
        }
    }

    private void checkOfficerLink(Set<Role> roles, Long officerId, Long accountId) {
        if (officerId == null) {
            if (roles.contains(Role.CSO)) {
                throw new InvalidInputException("officerId", Text.of("invalid.officerRequiredForCso"));
            }
            return;
        }
        if (!roles.contains(Role.CSO)) {
            throw new InvalidInputException("officerId", Text.of("invalid.officerOnlyForCso"));
        }
        if (!officers.existsById(officerId)) {
            throw new InvalidInputException("officerId", Text.of("invalid.officerUnknown"));
        }
        users.findByOfficerId(officerId).filter(existing -> !existing.getId().equals(accountId)).ifPresent(existing -> {
            throw new ConflictException(Text.of("problem.officerHasLogin", String.valueOf(officerId), existing.getUsername()));
        });
    }
}
