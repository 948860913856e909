package org.csotracker.people;

import java.time.Clock;
import java.util.Optional;

import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
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
    private final org.springframework.context.ApplicationEventPublisher events;
    /**
     * The hash a login gets until its owner chooses a password: of a random secret nobody knows, made
     * once per start, so no password matches it and hiring does not pay for a bcrypt round per hire.
     */
    private final String unusablePasswordHash;

    People(OfficerRepository officers, UserAccountRepository users, PasswordEncoder passwordEncoder,
           AuditTrail audit, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.officers = officers;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.unusablePasswordHash = passwordEncoder.encode(Tokens.random());
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Login> findLogin(String username) {
        return users.findByUsername(username).map(u -> new Login(u.getId(), u.getUsername(), u.getPasswordHash(),
                u.isEnabled(), u.getRoles(), u.getOfficerId(), u.getDisplayName()));
    }

    @Transactional(readOnly = true)
    public Optional<String> emailOf(String username) {
        return users.findByUsername(username).map(UserAccount::getEmail);
    }

    /** Where and whether a user wants notifications e-mailed; empty for an unknown username. */
    @Transactional(readOnly = true)
    public Optional<MailPreference> mailPreference(String username) {
        return users.findByUsername(username).map(u -> new MailPreference(u.getEmail(), u.getNotificationMail()));
    }

    public record MailPreference(String email, NotificationMail notificationMail) {
    }

    /** A user a notice goes to, with where and whether they want it e-mailed. */
    public record Recipient(String username, String email, NotificationMail notificationMail, String language) {
    }

    /** Every enabled login holding the role, with their e-mail setting, in one query. */
    @Transactional(readOnly = true)
    public java.util.List<Recipient> recipientsWithRole(Role role) {
        return users.findRecipientsWithRole(role);
    }

    /** A user chooses which notifications they also get by e-mail. */
    @Transactional
    public void setNotificationMail(String username, NotificationMail choice) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> NotFoundException.of("User", username));
        if (choice == null) {
            throw new InvalidInputException("notificationMail", Text.of("invalid.notificationMail"));
        }
        if (account.getNotificationMail() != choice) {
            account.setNotificationMail(choice);
            audit.record("UserAccount", account.getId(), "NOTIFICATION_MAIL_CHANGED", "e-mail for: " + choice.title());
        }
    }

    /** The languages the app speaks; the first is the default. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "es");

    /** The language a login reads pages, mails and certificates in ("en" or "es"). */
    @Transactional(readOnly = true)
    public Optional<String> languageOf(String username) {
        return users.findByUsername(username).map(UserAccount::getPreferredLanguage);
    }

    /** The language of an officer's login; an officer without a login reads English. */
    @Transactional(readOnly = true)
    public String languageOfOfficer(Long officerId) {
        return users.findByOfficerId(officerId).map(UserAccount::getPreferredLanguage).orElse(LANGUAGES.get(0));
    }

    /** The user picks the language of the app; audited when it changes. */
    @Transactional
    public void changeLanguage(String username, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", Text.of("invalid.oneOf", String.join(", ", LANGUAGES)));
        }
        UserAccount account = users.findByUsername(username)
                .orElseThrow(() -> NotFoundException.of("User", username));
        if (!language.equals(account.getPreferredLanguage())) {
            audit.record(username, "UserAccount", account.getId(), "LANGUAGE_CHANGED",
                    account.getPreferredLanguage() + " to " + language);
            account.setPreferredLanguage(language);
        }
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
            throw new ConflictException(Text.of("problem.usernameTaken", user.username()));
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

    /**
     * Creates the CSO login of a new officer, disabled until they set a password through the
     * activation link. Idempotent: a second call returns the login made by the first.
     */
    @Transactional
    public OfficerLogin createOfficerLogin(Long officerId) {
        return createOfficerLogin(officerId, LANGUAGES.get(0));
    }

    /** As {@link #createOfficerLogin(Long)}, the login reading pages and mails in {@code language} ("en" or "es"). */
    @Transactional
    public OfficerLogin createOfficerLogin(Long officerId, String language) {
        Optional<UserAccount> existing = users.findByOfficerId(officerId);
        if (existing.isPresent()) {
            return OfficerLogin.of(existing.get());
        }
        Officer officer = officer(officerId);
        String username = freeUsername(officer);
        UserAccount account = new UserAccount(username, unusablePasswordHash, officer.getFullName(),
                officer.getEmail(), java.util.Set.of(Role.CSO), officerId, clock.instant());
        account.setEnabled(false);
        account.setPreferredLanguage(LANGUAGES.contains(language) ? language : LANGUAGES.get(0));
        account.awaitActivation(Tokens.random(), clock.instant().plus(java.time.Duration.ofDays(30)));
        users.save(account);
        audit.record("UserAccount", account.getId(), "USER_CREATED",
                "CSO login " + username + " for officer " + officer.getEmployeeNumber() + ", awaiting activation, language "
                        + account.getPreferredLanguage());
        return OfficerLogin.of(account);
    }

    /** The new CSO chooses a password with their one-time link; the link then stops working. */
    @Transactional
    public String activate(String token, String newPassword) {
        UserAccount account = users.findByActivationToken(token)
                .filter(a -> a.getActivationExpiresAt() != null && a.getActivationExpiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new NotFoundException(Text.of("problem.activationLinkUnknown")));
        account.activated(passwordEncoder.encode(newPassword));
        events.publishEvent(new LoginChanged(account.getUsername()));
        audit.record(account.getUsername(), "UserAccount", account.getId(), "ACCOUNT_ACTIVATED", "password chosen by the user");
        return account.getUsername();
    }

    @Transactional(readOnly = true)
    public Optional<OfficerLogin> officerLogin(Long officerId) {
        return users.findByOfficerId(officerId).map(OfficerLogin::of);
    }

    private String freeUsername(Officer officer) {
        String base = ascii(officer.getFirstName()).substring(0, 1) + ascii(officer.getLastName());
        base = base.length() > 40 ? base.substring(0, 40) : base;
        String candidate = base;
        for (int n = 2; users.existsByUsername(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private static String ascii(String name) {
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase().replaceAll("[^a-z0-9]", "");
        return folded.isEmpty() ? "cso" : folded;
    }

    /** A supervisor's unit: every officer who names them as supervisor. */
    @Transactional(readOnly = true)
    public java.util.List<Officer> unitOf(String supervisor) {
        return officers.findBySupervisorOrderByLastNameAscFirstNameAsc(supervisor);
    }

    /** Officers in the given statuses, by name, a page at a time. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<Officer> officersWithStatus(java.util.Collection<OfficerStatus> statuses,
                                                                         org.springframework.data.domain.Pageable pageable) {
        return officers.findByStatusInOrderByLastNameAscFirstNameAsc(statuses, pageable);
    }

    /** Officers by id, in one query. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Officer> officers(java.util.Collection<Long> ids) {
        java.util.Map<Long, Officer> byId = new java.util.HashMap<>();
        officers.findAllById(ids).forEach(o -> byId.put(o.getId(), o));
        return byId;
    }

    /** Collects rows and hands each on with its officer, reading the officers a batch at a time. */
    public <T> OfficerBatch<T> batch(java.util.function.Function<T, Long> officerId,
                                     java.util.function.BiConsumer<T, Officer> sink) {
        return new OfficerBatch<>(this, officerId, sink);
    }

    /** Officers in a status, longest-waiting (earliest hired) first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public java.util.List<Officer> officersWithStatus(OfficerStatus status, int limit) {
        return officers.findByStatusOrderByHiredOnAscIdAsc(status, org.springframework.data.domain.PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public Optional<Officer> findOfficerByEmployeeNumber(String employeeNumber) {
        return officers.findByEmployeeNumber(employeeNumber);
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
            throw new InvalidInputException("currentPassword", Text.of("invalid.notCurrentPassword"));
        }
        if (newPassword.equalsIgnoreCase(username)) {
            throw new InvalidInputException("newPassword", Text.of("invalid.passwordIsUsername"));
        }
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        audit.record("UserAccount", account.getId(), "PASSWORD_CHANGED", "by the user");
        events.publishEvent(new LoginChanged(username));
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
