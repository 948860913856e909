package org.csotracker.security;

import java.net.http.HttpResponse;

import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.HttpSession;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP: login, CSRF, and the Camunda web apps and REST API behind the app's login. */
@CsoTrackerServerTest
class SignInAndWorkflowEngineTests {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;

    @Test
    void anonymousEngineRestGets401WithABasicChallenge() {
        HttpResponse<String> response = new HttpSession(port).get("/engine-rest/engine");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(response.headers().firstValue("Set-Cookie")).as("REST calls create no session").isEmpty();
    }

    @Test
    void engineRestIsForAdminsOnly() {
        HttpSession http = new HttpSession(port);
        HttpResponse<String> admin = http.get("/engine-rest/engine", users.staff(Role.ADMIN), TestUsers.PASSWORD);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"name\":\"default\"");

        HttpResponse<String> hr = http.get("/engine-rest/engine", users.staff(Role.HR), TestUsers.PASSWORD);
        assertThat(hr.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordOnTheApiGets401ProblemDetails() {
        HttpResponse<String> response = new HttpSession(port).get("/api/me", users.staff(Role.HR), "wrong-password");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void oneLoginServesTheAppAndCockpit() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> cockpitBefore = browser.get("/camunda/app/cockpit/default/");
        assertThat(cockpitBefore.statusCode()).isEqualTo(302);
        assertThat(cockpitBefore.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        String admin = users.staff(Role.ADMIN);
        HttpResponse<String> login = browser.login(admin, TestUsers.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);

        HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");

        HttpResponse<String> camundaUser = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(camundaUser.body()).contains("\"userId\":\"" + admin + "\"");
    }

    @Test
    void cockpitIsRefusedToStaffWhoAreNotAdmins() {
        HttpSession browser = new HttpSession(port);
        browser.login(users.staff(Role.COORDINATOR), TestUsers.PASSWORD);
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void formLoginNeedsTheCsrfToken() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> forged = browser.postForm("/login",
                "username=" + users.staff(Role.HR) + "&password=" + TestUsers.PASSWORD);
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> real = browser.login(users.staff(Role.HR), TestUsers.PASSWORD);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        HttpSession browser = new HttpSession(port);
        browser.login(users.staff(Role.HR), TestUsers.PASSWORD);
        String home = browser.get("/").body();
        HttpResponse<String> logout = browser.postForm("/logout", "_csrf=" + HttpSession.encode(HttpSession.csrfToken(home)));
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreForAdmins() {
        HttpSession http = new HttpSession(port);
        assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
        assertThat(http.get("/actuator/metrics", users.staff(Role.SUPERVISOR), TestUsers.PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/metrics", users.staff(Role.ADMIN), TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    }
}
