package org.csotracker.security;

import org.csotracker.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Logins and failed logins go to the audit log (never the password). */
@Component
class LoginAudit {

    private final AuditTrail audit;

    LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(InteractiveAuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        audit.recordSeparately(user, "Login", user, "LOGIN", null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String user = abbreviate(String.valueOf(event.getAuthentication().getName()));
        audit.recordSeparately("anonymous", "Login", user, "LOGIN_FAILED", event.getException().getClass().getSimpleName());
    }

    private static String abbreviate(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60);
    }
}
