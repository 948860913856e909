package org.csotracker.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log every module writes to. An entry joins the caller's transaction, so it exists
 * exactly when the change it describes was committed.
 */
@Service
public class AuditTrail {

    /** The actor of changes made by the engine (timers) or at start-up. */
    public static final String SYSTEM = "system";

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(String subjectType, Object subjectId, String action, String details) {
        return record(currentActor(), subjectType, subjectId, action, details);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(String actor, String subjectType, Object subjectId, String action, String details) {
        String id = subjectId == null ? null : subjectId.toString();
        return events.save(new AuditEvent(clock.instant(), actor, subjectType, id, action, truncate(details)));
    }

    /** For events that stand alone, such as a failed login, which must be kept even though nothing else is. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSeparately(String actor, String subjectType, Object subjectId, String action, String details) {
        record(actor, subjectType, subjectId, action, details);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> historyOf(String subjectType, Object subjectId) {
        return events.findBySubjectTypeAndSubjectIdOrderByOccurredAtAscIdAsc(subjectType, subjectId.toString());
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> latest(Pageable pageable) {
        return events.findAllByOrderByOccurredAtDescIdDesc(pageable);
    }

    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return SYSTEM;
        }
        return authentication instanceof AnonymousAuthenticationToken ? "anonymous" : authentication.getName();
    }

    private static String truncate(String details) {
        return details == null || details.length() <= 4000 ? details : details.substring(0, 3997) + "...";
    }
}
