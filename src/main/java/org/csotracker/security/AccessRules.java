package org.csotracker.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.csotracker.people.Role;
import org.springframework.http.HttpMethod;

/**
 * Every route's access rule, in one table. The first matching rule wins and anything not listed is
 * denied. {@code docs/security.md} holds the same table for people; {@code AccessMatrixTests}
 * checks every mapped endpoint against that document, so the two cannot drift apart.
 */
public final class AccessRules {

    public enum Kind { PUBLIC, AUTHENTICATED, ROLES }

    /** {@code method} null means every method. */
    public record Rule(HttpMethod method, String pattern, Kind kind, Set<Role> roles) {
    }

    private static final Set<Role> STAFF = EnumSet.of(Role.HR, Role.COORDINATOR, Role.SUPERVISOR, Role.ADMIN);

    public static final List<Rule> RULES = List.of(
            // the shell: login, assets, health
            anyone(HttpMethod.GET, "/login"),
            anyone(HttpMethod.GET, "/error"),
            anyone(HttpMethod.POST, "/language"),
            anyone(HttpMethod.GET, "/css/**"),
            anyone(HttpMethod.GET, "/js/**"),
            anyone(HttpMethod.GET, "/images/**"),
            anyone(HttpMethod.GET, "/webjars/**"),
            anyone(HttpMethod.GET, "/vendor/**"),
            anyone(HttpMethod.GET, "/favicon.ico"),
            anyone(HttpMethod.GET, "/actuator/health"),
            anyone(HttpMethod.GET, "/actuator/health/**"),
            signedIn(HttpMethod.GET, "/"),
            signedIn(HttpMethod.GET, "/api/me"),
            signedIn(HttpMethod.PUT, "/api/me/password"),
            signedIn(HttpMethod.GET, "/v3/api-docs"),
            signedIn(HttpMethod.GET, "/v3/api-docs/**"),
            signedIn(HttpMethod.GET, "/swagger-ui.html"),
            signedIn(HttpMethod.GET, "/swagger-ui/**"),
            signedIn(HttpMethod.GET, "/diagrams/{processKey}.bpmn"),
            staff(HttpMethod.GET, "/processes"),
            staff(HttpMethod.GET, "/processes/{key}"),

            // public: applying, answering an offer, activating a new CSO login
            anyone(HttpMethod.GET, "/apply"),
            anyone(HttpMethod.POST, "/apply"),
            anyone(HttpMethod.GET, "/apply/thanks"),
            anyone(HttpMethod.POST, "/api/applications"),
            anyone(HttpMethod.GET, "/offers/{token}"),
            anyone(HttpMethod.POST, "/offers/{token}"),
            anyone(HttpMethod.POST, "/api/offers/{token}/response"),
            anyone(HttpMethod.GET, "/activate/{token}"),
            anyone(HttpMethod.POST, "/activate/{token}"),

            // hiring: HR
            roles(HttpMethod.GET, "/hiring", Role.HR),
            roles(HttpMethod.GET, "/hiring/**", Role.HR),
            roles(HttpMethod.POST, "/hiring/**", Role.HR),
            roles(HttpMethod.GET, "/api/candidates", Role.HR),
            roles(HttpMethod.GET, "/api/candidates/**", Role.HR),
            roles(HttpMethod.POST, "/api/candidates/**", Role.HR),
            roles(HttpMethod.GET, "/api/hiring/funnel", Role.HR, Role.ADMIN),

            // academy: coordinators run it; a recruit's transcript is checked per officer
            staff(HttpMethod.GET, "/api/modules"),
            roles(HttpMethod.POST, "/api/modules", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.PUT, "/api/modules/{code}", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.GET, "/api/cohorts", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.GET, "/api/cohorts/{id}", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.POST, "/api/cohorts", Role.COORDINATOR),
            roles(HttpMethod.POST, "/api/cohorts/**", Role.COORDINATOR),
            roles(HttpMethod.GET, "/api/recruits/{officerId}", Role.COORDINATOR, Role.ADMIN, Role.HR, Role.SUPERVISOR, Role.CSO),
            roles(HttpMethod.POST, "/api/recruits/**", Role.COORDINATOR),
            roles(HttpMethod.GET, "/academy/recruits/{officerId}", Role.COORDINATOR, Role.ADMIN, Role.HR, Role.SUPERVISOR),
            roles(HttpMethod.GET, "/academy", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.GET, "/academy/**", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.POST, "/academy/modules", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.POST, "/academy/modules/**", Role.COORDINATOR, Role.ADMIN),
            roles(HttpMethod.POST, "/academy/**", Role.COORDINATOR),

            // certification: the CSO's own records, staff views, public verification
            roles(HttpMethod.GET, "/api/me/certification", Role.CSO),
            roles(HttpMethod.GET, "/api/me/certificates", Role.CSO),
            roles(HttpMethod.GET, "/api/me/certificates/{number}.pdf", Role.CSO),
            roles(HttpMethod.POST, "/api/me/continuing-education/submissions", Role.CSO),
            roles(HttpMethod.GET, "/me", Role.CSO),
            roles(HttpMethod.GET, "/me/certificates/{number}.pdf", Role.CSO),
            roles(HttpMethod.POST, "/me/continuing-education", Role.CSO),
            roles(HttpMethod.GET, "/api/officers/{id}/certification", Role.COORDINATOR, Role.SUPERVISOR, Role.HR, Role.ADMIN),
            roles(HttpMethod.GET, "/api/certification/readiness", Role.COORDINATOR, Role.SUPERVISOR, Role.HR, Role.ADMIN),
            roles(HttpMethod.POST, "/api/officers/{id}/continuing-education", Role.COORDINATOR),
            roles(HttpMethod.POST, "/api/continuing-education/bulk", Role.COORDINATOR),
            roles(HttpMethod.GET, "/api/continuing-education/submissions", Role.COORDINATOR),
            roles(HttpMethod.GET, "/api/continuing-education/submissions/{id}/evidence", Role.COORDINATOR),
            roles(HttpMethod.POST, "/api/continuing-education/submissions/{id}/review", Role.COORDINATOR),
            roles(HttpMethod.POST, "/api/certifications/{id}/revocation", Role.ADMIN),
            anyone(HttpMethod.GET, "/api/verify/{number}"),
            anyone(HttpMethod.GET, "/verify"),
            anyone(HttpMethod.POST, "/verify"),
            anyone(HttpMethod.GET, "/verify/{number}"),
            roles(HttpMethod.GET, "/certification", Role.COORDINATOR, Role.SUPERVISOR, Role.HR, Role.ADMIN),
            roles(HttpMethod.GET, "/certification/officers/{id}", Role.COORDINATOR, Role.SUPERVISOR, Role.HR, Role.ADMIN),
            roles(HttpMethod.POST, "/certification/officers/{id}/revocation", Role.ADMIN),
            roles(HttpMethod.GET, "/certification/**", Role.COORDINATOR),
            roles(HttpMethod.POST, "/certification/**", Role.COORDINATOR),

            // reports: dashboards, CSV exports, calendar feeds (a CSO's feed opens with its secret link)
            staff(HttpMethod.GET, "/reports"),
            roles(HttpMethod.GET, "/reports/hiring", Role.HR),
            roles(HttpMethod.GET, "/reports/academy", Role.COORDINATOR),
            roles(HttpMethod.GET, "/reports/certification", Role.COORDINATOR, Role.SUPERVISOR, Role.ADMIN),
            roles(HttpMethod.GET, "/reports/continuing-education", Role.COORDINATOR),
            roles(HttpMethod.GET, "/api/exports/candidates.csv", Role.HR),
            roles(HttpMethod.GET, "/api/exports/cohorts/{id}/roster.csv", Role.COORDINATOR),
            roles(HttpMethod.GET, "/api/exports/module-results.csv", Role.COORDINATOR),
            roles(HttpMethod.GET, "/api/exports/continuing-education.csv", Role.COORDINATOR),
            roles(HttpMethod.GET, "/api/exports/certifications.csv", Role.COORDINATOR, Role.SUPERVISOR, Role.ADMIN),
            roles(HttpMethod.GET, "/api/calendars/cohorts/{id}.ics", Role.COORDINATOR, Role.ADMIN),
            anyone(HttpMethod.GET, "/calendar/{token}.ics"),
            roles(HttpMethod.GET, "/me/calendar", Role.CSO),
            roles(HttpMethod.POST, "/me/calendar", Role.CSO),

            // everyone signed in: their own notifications
            signedIn(HttpMethod.GET, "/notifications"),
            signedIn(HttpMethod.POST, "/notifications/{id}/read"),
            signedIn(HttpMethod.GET, "/api/me/notifications"),
            signedIn(HttpMethod.GET, "/account"),
            signedIn(HttpMethod.POST, "/account/notifications"),
            signedIn(HttpMethod.PUT, "/api/me/notification-mail"),

            // operating the system
            roles(HttpMethod.GET, "/admin/audit", Role.ADMIN),
            roles(HttpMethod.GET, "/admin", Role.ADMIN),
            roles(HttpMethod.GET, "/admin/rules", Role.ADMIN),
            roles(HttpMethod.GET, "/admin/users", Role.ADMIN),
            roles(HttpMethod.GET, "/admin/users/new", Role.ADMIN),
            roles(HttpMethod.POST, "/admin/users/new", Role.ADMIN),
            roles(HttpMethod.GET, "/admin/users/{id}", Role.ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}/roles", Role.ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}/status", Role.ADMIN),
            roles(HttpMethod.POST, "/admin/users/{id}/password-reset", Role.ADMIN),
            roles(HttpMethod.GET, "/api/admin/users", Role.ADMIN),
            roles(HttpMethod.POST, "/api/admin/users", Role.ADMIN),
            roles(HttpMethod.GET, "/api/admin/users/{id}", Role.ADMIN),
            roles(HttpMethod.PUT, "/api/admin/users/{id}/roles", Role.ADMIN),
            roles(HttpMethod.PUT, "/api/admin/users/{id}/status", Role.ADMIN),
            roles(HttpMethod.POST, "/api/admin/users/{id}/password-reset", Role.ADMIN),
            roles(HttpMethod.GET, "/api/admin/decisions", Role.ADMIN),
            roles(HttpMethod.GET, "/api/audit", Role.ADMIN),
            roles(null, "/actuator/**", Role.ADMIN),
            roles(null, "/camunda/**", Role.ADMIN),
            roles(null, "/engine-rest/**", Role.ADMIN));

    private AccessRules() {
    }

    static Rule anyone(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Kind.PUBLIC, Set.of());
    }

    static Rule signedIn(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Kind.AUTHENTICATED, Set.of());
    }

    static Rule roles(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, Kind.ROLES, Set.of(roles));
    }

    static Rule staff(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Kind.ROLES, STAFF);
    }
}
