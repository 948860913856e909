package org.csotracker.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.csotracker.notifications.Notifications;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Object-level access (OWASP ASVS 8.2.2): for every mapped route that names an officer,
 * certificate, recruit, candidate, submission (evidence), certification or notification by id, a
 * user who holds a role the route admits but who is the wrong person for that object gets 403 or
 * 404: CSO A asking for CSO B's records, a supervisor asking for another unit's officer. The
 * routes come from the app's request mappings: a new id route without a case here fails.
 */
@CsoTrackerTest
class ObjectAccessTests {

    /** Path variables that name a record of a person (tokens are capabilities; codes and keys name no person's record). */
    private static final Set<String> OBJECT_IDS = Set.of("{id}", "{officerId}", "{number}");

    private static Fixtures fx;
    private static Long notificationOfB;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Who asks for what: the wrong person with a role the route lets through, or a note why no such person exists. */
    record Probe(String user, Function<Fixtures, String> objectOfSomeoneElse) {
    }

    @BeforeEach
    void setUp() {
        if (fx == null) {
            fx = Fixtures.create(context, users);
            TestUsers.asSystem(() -> notifications.notifyUser(fx.b.login(), "For B only", "private", "/me"));
            notificationOfB = jdbc.queryForObject("select max(id) from cso.notification where recipient = ?", Long.class,
                    fx.b.login());
        }
    }

    /**
     * Each id route, and the wrong-object requests that must be refused. Routes whose role sees every
     * record of the kind (HR: all candidates; coordinators: all recruits, cohorts and submissions;
     * ADMIN: revocations) are still probed with CSO A asking for CSO B's object.
     */
    private Map<String, List<Probe>> probes() {
        String cso = fx.a.login();
        String supA = fx.supervisorA;
        Function<Fixtures, String> bOfficer = f -> f.b.officerId().toString();
        Function<Fixtures, String> bNumber = f -> f.b.certificateNumber();
        Function<Fixtures, String> bSubmission = f -> f.b.submissionId().toString();
        Function<Fixtures, String> bCertification = f -> f.b.certificationId().toString();
        Function<Fixtures, String> candidate = f -> f.candidateId.toString();
        Function<Fixtures, String> cohort = f -> f.cohortId.toString();
        Map<String, List<Probe>> p = new LinkedHashMap<>();
        // the CSO's own records, by officer id or certificate number
        p.put("GET /api/recruits/{officerId}", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        p.put("GET /api/officers/{id}/certification", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        p.put("GET /academy/recruits/{officerId}", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        p.put("GET /certification/officers/{id}", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        p.put("GET /api/me/certificates/{number}.pdf", List.of(new Probe(cso, bNumber)));
        p.put("GET /me/certificates/{number}.pdf", List.of(new Probe(cso, bNumber)));
        // CE submissions and their evidence files
        p.put("GET /api/continuing-education/submissions/{id}/evidence", List.of(new Probe(cso, bSubmission), new Probe(supA, bSubmission)));
        p.put("GET /certification/submissions/{id}/evidence", List.of(new Probe(cso, bSubmission), new Probe(supA, bSubmission)));
        p.put("POST /api/continuing-education/submissions/{id}/review", List.of(new Probe(cso, bSubmission)));
        p.put("POST /certification/submissions/{id}/review", List.of(new Probe(cso, bSubmission)));
        // writes about an officer
        p.put("POST /api/officers/{id}/continuing-education", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        p.put("POST /certification/officers/{id}/continuing-education", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        p.put("POST /certification/officers/{id}/revocation", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        p.put("POST /api/certifications/{id}/revocation", List.of(new Probe(cso, bCertification), new Probe(supA, bCertification)));
        for (String write : List.of("/modules/{code}/results", "/modules/{code}/remediation", "/move", "/withdrawal")) {
            p.put("POST /api/recruits/{officerId}" + write, List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        }
        p.put("POST /academy/recruits/{officerId}/{action}", List.of(new Probe(cso, bOfficer), new Probe(supA, bOfficer)));
        // candidates (HR sees all) and cohorts (coordinators see all)
        p.put("GET /api/candidates/{id}", List.of(new Probe(cso, candidate), new Probe(supA, candidate)));
        p.put("GET /hiring/candidates/{id}", List.of(new Probe(cso, candidate), new Probe(supA, candidate)));
        p.put("POST /hiring/candidates/{id}/{step}", List.of(new Probe(cso, candidate)));
        for (String step : List.of("screening", "background-check", "interview", "union-vetting", "union-objection",
                "offer", "offer-response", "withdrawal")) {
            p.put("POST /api/candidates/{id}/" + step, List.of(new Probe(cso, candidate), new Probe(supA, candidate)));
        }
        for (String route : List.of("GET /api/cohorts/{id}", "POST /api/cohorts/{id}/recruits", "POST /api/cohorts/{id}/results",
                "POST /api/cohorts/{id}/results.csv", "GET /academy/cohorts/{id}", "POST /academy/cohorts/{id}/recruits",
                "POST /academy/cohorts/{id}/results", "POST /academy/cohorts/{id}/results.csv")) {
            p.put(route, List.of(new Probe(cso, cohort), new Probe(supA, cohort)));
        }
        p.put("GET /api/exports/cohorts/{id}/roster.csv", List.of(new Probe(cso, cohort), new Probe(supA, cohort)));
        p.put("GET /api/calendars/cohorts/{id}.ics", List.of(new Probe(cso, cohort), new Probe(supA, cohort)));
        // logins: administrators see all; nobody else sees another user's account
        Function<Fixtures, String> bLogin = f -> jdbc.queryForObject("select id from cso.user_account where username = ?",
                Long.class, f.b.login()).toString();
        for (String route : List.of("GET /admin/users/{id}", "POST /admin/users/{id}/roles", "POST /admin/users/{id}/status",
                "POST /admin/users/{id}/password-reset", "GET /api/admin/users/{id}", "PUT /api/admin/users/{id}/roles",
                "PUT /api/admin/users/{id}/status", "POST /api/admin/users/{id}/password-reset")) {
            p.put(route, List.of(new Probe(cso, bLogin), new Probe(supA, bLogin)));
        }
        // notifications: nobody reads or marks another user's (checked on the row below)
        p.put("POST /notifications/{id}/read", List.of(new Probe(cso, f -> notificationOfB.toString())));
        // public by design: anyone may check a certificate number (it shows only name, status and dates)
        p.put("GET /verify/{number}", List.of());
        p.put("GET /api/verify/{number}", List.of());
        return p;
    }

    @Test
    void everyRouteThatNamesARecordHasAnObjectLevelCase() {
        Set<String> idRoutes = idRoutes();
        assertThat(idRoutes).isNotEmpty();
        Set<String> missing = new TreeSet<>(idRoutes);
        missing.removeAll(probes().keySet());
        assertThat(missing).as("id routes without an object-level case in ObjectAccessTests.probes()").isEmpty();
        Set<String> stale = new TreeSet<>(probes().keySet());
        stale.removeAll(idRoutes);
        assertThat(stale).as("cases for routes that no longer exist").isEmpty();
    }

    @Test
    void theRightRoleAskingForSomeoneElsesRecordIsRefused() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Probe>> route : probes().entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String pattern = route.getKey().substring(route.getKey().indexOf(' ') + 1);
            for (Probe probe : route.getValue()) {
                String path = pattern.replaceAll("\\{(id|officerId|number)}", probe.objectOfSomeoneElse().apply(fx))
                        .replace("{code}", "DE-ESCALATION").replace("{step}", "screening").replace("{action}", "withdrawal");
                MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path).with(users.as(probe.user()))
                        .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML);
                if (!method.equals("GET")) {
                    request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                boolean refused = status == 403 || status == 404;
                if (route.getKey().equals("POST /notifications/{id}/read")) {
                    refused = !jdbc.queryForObject("select read_at is not null from cso.notification where id = ?", Boolean.class,
                            notificationOfB);
                }
                if (!refused) {
                    failures.add(method + " " + path + " as " + probe.user() + " gave " + status);
                }
            }
        }
        assertThat(failures).as("someone else's records reached").isEmpty();
    }

    @Test
    void theOwnerAndTheirSupervisorStillGetThrough() throws Exception {
        assertThat(status("GET", "/api/recruits/" + fx.a.officerId(), fx.a.login())).isEqualTo(200);
        assertThat(status("GET", "/api/me/certificates/" + fx.a.certificateNumber() + ".pdf", fx.a.login())).isEqualTo(200);
        assertThat(status("GET", "/api/officers/" + fx.a.officerId() + "/certification", fx.supervisorA)).isEqualTo(200);
        assertThat(status("GET", "/certification/officers/" + fx.b.officerId(), fx.supervisorB)).isEqualTo(200);
    }

    private int status(String method, String path, String user) throws Exception {
        return mvc.perform(request(HttpMethod.valueOf(method), path).with(users.as(user))
                .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML)).andReturn().getResponse().getStatus();
    }

    private Set<String> idRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry
                : mappings.getHandlerMethods().entrySet()) {
            Set<String> methods = new TreeSet<>();
            entry.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (OBJECT_IDS.stream().anyMatch(pattern::contains)) {
                    methods.forEach(m -> routes.add(m + " " + pattern));
                }
            }
        }
        return routes;
    }
}
