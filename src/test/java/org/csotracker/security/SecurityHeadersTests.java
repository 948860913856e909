package org.csotracker.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.csotracker.people.OfficerLogin;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.HttpSession;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser is told to protect the user with, on pages and on API answers alike (including
 * errors), how the session cookie is set and ended, and that no password reaches the log.
 */
@CsoTrackerServerTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityHeadersTests {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    People people;

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        String hr = users.staff(Role.HR);
        HttpSession browser = new HttpSession(port);
        assertThat(browser.login(hr, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        List<HttpResponse<String>> responses = List.of(
                new HttpSession(port).get("/login"),
                new HttpSession(port).get("/apply"),
                new HttpSession(port).get("/verify"),
                browser.get("/"),
                browser.get("/hiring"),
                browser.get("/no-such-page"),
                new HttpSession(port).get("/api/me/certification"),
                new HttpSession(port).get("/api/me", hr, TestUsers.PASSWORD),
                new HttpSession(port).get("/api/candidates/999999999", hr, TestUsers.PASSWORD),
                new HttpSession(port).get("/api/verify/NO-SUCH"));
        for (HttpResponse<String> response : responses) {
            String where = response.request().uri().getPath() + " (" + response.statusCode() + ")";
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as("CSP of " + where).contains("default-src 'self'").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'").contains("base-uri 'self'").contains("form-action 'self'");
            String scripts = directive(csp, "script-src");
            assertThat(scripts).as("script-src of " + where).isEqualTo("script-src 'self'");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(where).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(where).hasValue("same-origin");
        }
    }

    @Test
    void pagesNeedNoInlineScript() throws Exception {
        HttpSession browser = new HttpSession(port);
        browser.login(users.staff(Role.COORDINATOR), TestUsers.PASSWORD);
        for (String path : List.of("/", "/academy", "/academy/modules", "/certification", "/notifications")) {
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(browser.get(path).body());
            assertThat(page.select("script:not([src])")).as("inline scripts on " + path).isEmpty();
            assertThat(page.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().toLowerCase().startsWith("on")).toList())
                    .as("event-handler attributes on " + path).isEmpty();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndLogoutEndsIt() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> login = browser.login(users.staff(Role.HR), TestUsers.PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        String sessionId = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
        assertThat(browser.get("/hiring").statusCode()).isEqualTo(200);

        String token = HttpSession.csrfToken(browser.get("/").body());
        HttpResponse<String> logout = browser.postForm("/logout", "_csrf=" + HttpSession.encode(token));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login?logout");

        // a stolen copy of the old cookie opens nothing any more
        HttpResponse<String> replay = new HttpSession(port).getWithCookie("/hiring", "JSESSIONID=" + sessionId);
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location").orElse("")).contains("/login");
        HttpResponse<String> api = new HttpSession(port).getWithCookie("/api/me", "JSESSIONID=" + sessionId);
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void passwordsNeverReachTheLog(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("org.csotracker", "org.springframework.security", "org.springframework.web");
        loggers.forEach(name -> logging.setLogLevel(name, LogLevel.TRACE));
        String wrong = "Wrong-Secret-" + System.nanoTime();
        String changed = "Changed-Secret-" + System.nanoTime();
        String activated = "Activated-Secret-" + System.nanoTime();
        try {
            String user = users.ensure("logcheck-" + System.nanoTime(), Set.of(Role.HR), null);
            HttpSession browser = new HttpSession(port);
            assertThat(browser.login(user, wrong).headers().firstValue("Location").orElse("")).contains("error");
            assertThat(browser.login(user, TestUsers.PASSWORD).headers().firstValue("Location").orElse(""))
                    .doesNotContain("error");
            HttpResponse<String> change = new HttpSession(port).sendJson("PUT", "/api/me/password",
                    "{\"currentPassword\":\"" + TestUsers.PASSWORD + "\",\"newPassword\":\"" + changed + "\"}",
                    user, TestUsers.PASSWORD);
            assertThat(change.statusCode()).isEqualTo(204);
            assertThat(new HttpSession(port).get("/api/me", user, changed).statusCode()).isEqualTo(200);

            Long officerId = org.csotracker.academy.Recruits.hire(people, "Log", "Check", "nobody").getId();
            OfficerLogin login = TestUsers.asSystemGet(() -> people.createOfficerLogin(officerId));
            HttpSession newcomer = new HttpSession(port);
            String csrf = HttpSession.csrfToken(newcomer.get("/activate/" + login.activationToken()).body());
            HttpResponse<String> activation = newcomer.postForm("/activate/" + login.activationToken(),
                    "password=" + activated + "&confirmation=" + activated + "&_csrf=" + HttpSession.encode(csrf));
            assertThat(activation.statusCode()).isEqualTo(302);
            assertThat(new HttpSession(port).get("/api/me", login.username(), activated).statusCode()).isEqualTo(200);
        } finally {
            loggers.forEach(name -> logging.setLogLevel(name, null));
        }
        assertThat(output.getAll()).as("log output").isNotBlank()
                .doesNotContain(wrong).doesNotContain(TestUsers.PASSWORD).doesNotContain(changed).doesNotContain(activated);
    }

    private static String directive(String csp, String name) {
        for (String directive : csp.split(";")) {
            if (directive.strip().startsWith(name + " ")) {
                return directive.strip();
            }
        }
        return "";
    }
}
