package org.csotracker.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.csotracker.people.Login;
import org.csotracker.people.LoginChanged;
import org.csotracker.people.People;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the open sessions of a login an administrator disabled, changed the roles of or reset the
 * password of. On this node at once (the change's event); on every node within {@code recheck}, when
 * a session's login is looked up again and found disabled, gone or with other roles. The request
 * then continues unauthenticated: pages go to the login form, the API answers 401.
 */
@Component
class EndedSessions extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = EndedSessions.class.getName() + ".signedInAt";
    static final String CHECKED_AT = EndedSessions.class.getName() + ".checkedAt";

    private final Map<String, Instant> endedAt = new ConcurrentHashMap<>();
    private final People people;
    private final Clock clock;
    private final Duration recheck;

    EndedSessions(People people, Clock clock, @Value("${csotracker.security.session-recheck:PT1M}") Duration recheck) {
        this.people = people;
        this.clock = clock;
        this.recheck = recheck;
    }

    /** After the change is committed, sessions signed in before it stop working. */
    @TransactionalEventListener(fallbackExecution = true)
    void onLoginChanged(LoginChanged changed) {
        if (changed.sessionsEnd()) {
            endedAt.put(changed.username(), clock.instant());
        }
    }

    @org.springframework.context.event.EventListener
    void onSignIn(InteractiveAuthenticationSuccessEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SIGNED_IN_AT, clock.instant(), RequestAttributes.SCOPE_SESSION);
            request.setAttribute(CHECKED_AT, clock.instant(), RequestAttributes.SCOPE_SESSION);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof CsoUser user
                && !stillValid(session, user)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(HttpSession session, CsoUser user) {
        Instant signedInAt = instant(session, SIGNED_IN_AT).orElse(Instant.ofEpochMilli(session.getCreationTime()));
        Instant ended = endedAt.get(user.getUsername());
        if (ended != null && !signedInAt.isAfter(ended)) {
            return false;
        }
        Instant now = clock.instant();
        Instant checked = instant(session, CHECKED_AT).orElse(signedInAt);
        if (Duration.between(checked, now).compareTo(recheck) < 0) {
            return true;
        }
        session.setAttribute(CHECKED_AT, now);
        Optional<Login> login = people.findLogin(user.getUsername());
        return login.isPresent() && login.get().enabled() && login.get().roles().equals(user.getRoles());
    }

    private static Optional<Instant> instant(HttpSession session, String name) {
        return session.getAttribute(name) instanceof Instant instant ? Optional.of(instant) : Optional.empty();
    }
}
