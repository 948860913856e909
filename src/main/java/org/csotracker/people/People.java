package org.csotracker.people;

import java.time.Clock;
import java.util.Optional;

import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people module's API: officers and their logins. */
@Service
public class People {

    private final OfficerRepository officers;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    People(OfficerRepository officers, UserAccountRepository users, PasswordEncoder passwordEncoder,
           AuditTrail audit, Clock clock) {
        this.officers = officers;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Login> findLogin(String username) {
        return users.findByUsername(username).map(u -> new Login(u.getId(), u.getUsername(), u.getPasswordHash(),
                u.isEnabled(), u.getRoles(), u.getOfficerId(), u.getDisplayName()));
    }

    @Transactional(readOnly = true)
    public boolean userExists(String username) {
        return users.existsByUsername(username);
    }

    @Transactional(readOnly = true)
    public java.util.List<String> usernamesWithRole(Role role) {
        return users.findUsernamesWithRole(role);
    }

    @Transactional
    public UserAccount createUser(NewUser user) {
        if (users.existsByUsername(user.username())) {
            throw new ConflictException("The username " + user.username() + " is already taken");
        }
        UserAccount account = users.save(new UserAccount(user.username(), passwordEncoder.encode(user.rawPassword()),
                user.displayName(), user.email(), user.roles(), user.officerId(), clock.instant()));
        audit.record("UserAccount", account.getId(), "USER_CREATED",
                "Login " + account.getUsername() + " with roles " + account.getRoles());
        return account;
    }

    /**
     * Creates the officer record for a hired candidate. Idempotent per candidate: a retried hire
     * returns the officer created the first time (the unique candidate id backs this up).
     */
    @Transactional
    public Officer hire(NewOfficer details) {
        if (details.candidateId() != null) {
            Optional<Officer> existing = officers.findByCandidateId(details.candidateId());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String employeeNumber = "CSO-%05d".formatted(officers.nextEmployeeNumber());
        Officer officer = officers.save(new Officer(details, employeeNumber, clock.instant()));
        audit.record("Officer", officer.getId(), "OFFICER_HIRED",
                officer.getFullName() + " hired as " + employeeNumber + ", " + officer.getDistrict() + " district");
        return officer;
    }

    @Transactional(readOnly = true)
    public Optional<Officer> findOfficer(Long id) {
        return officers.findById(id);
    }

    @Transactional(readOnly = true)
    public Officer officer(Long id) {
        return officers.findById(id).orElseThrow(() -> NotFoundException.of("Officer", id));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> loginOf(Long officerId) {
        return users.findByOfficerId(officerId);
    }

    /** A user changes their own password; the current one must be given. */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> NotFoundException.of("User", username));
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        if (newPassword.equalsIgnoreCase(username)) {
            throw new InvalidInputException("newPassword", "must not be your username");
        }
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        audit.record("UserAccount", account.getId(), "PASSWORD_CHANGED", "by the user");
    }

    @Transactional
    public void changeStatus(Long officerId, OfficerStatus status, String reason) {
        Officer officer = officer(officerId);
        if (officer.getStatus() == status) {
            return;
        }
        OfficerStatus before = officer.getStatus();
        officer.setStatus(status);
        audit.record("Officer", officerId, "STATUS_CHANGED", before + " → " + status + (reason == null ? "" : ": " + reason));
    }
}
