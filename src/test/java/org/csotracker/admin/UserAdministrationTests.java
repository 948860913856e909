package org.csotracker.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.csotracker.audit.AuditEvent;
import org.csotracker.audit.AuditTrail;
import org.csotracker.common.ConflictException;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.people.UserAdministration;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators manage logins: every change audited, guarded, and effective at once. */
@CsoTrackerTest
class UserAdministrationTests {

    private static final Pattern LINK = Pattern.compile("/activate/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    UserAdministration administration;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectMapper json;

    @Test
    void anAdministratorCreatesALoginWhoseOwnerChoosesThePasswordThroughTheMailedLink() throws Exception {
        String username = unique("new");
        String body = mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Nadia Flores","email":"%s@example.org","roles":["HR"]}"""
                                .formatted(username, username)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.awaitingActivation").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContainIgnoringCase("password").doesNotContain("activationToken");
        long id = json.readTree(body).get("id").asLong();

        String token = linkMailedTo(username + "@example.org");
        assertThat(body).doesNotContain(token);
        basic(username, TestUsers.PASSWORD).andExpect(status().isUnauthorized());
        mvc.perform(post("/activate/" + token).with(csrf()).param("password", "chosen-by-nadia").param("confirmation", "chosen-by-nadia"))
                .andExpect(redirectedUrl("/login?activated"));
        basic(username, "chosen-by-nadia").andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("HR"));
        assertThat(actions(id)).containsSubsequence("USER_CREATED", "ACCOUNT_ACTIVATED");
        assertThat(audit.historyOf("UserAccount", id).get(0).getActor()).isEqualTo(users.staff(Role.ADMIN));
    }

    @Test
    void badNewLoginsAreRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        String username = unique("bad");
        mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"a b\",\"displayName\":\"X\",\"email\":\"not-mail\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("username", "email", "roles")));
        mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@example.org\",\"roles\":[\"CSO\"]}".formatted(username)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("officerId"));
        mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@example.org\",\"roles\":[\"KING\"]}".formatted(username)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
        assertThat(people.userExists(username)).isFalse();

        String taken = users.staff(Role.HR);
        mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@example.org\",\"roles\":[\"HR\"]}".formatted(taken)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The username " + taken + " is already taken."));

        // the page shows the same errors next to the fields, with the values kept
        mvc.perform(post("/admin/users/new").with(users.as(Role.ADMIN)).with(csrf()).param("username", username)
                        .param("displayName", "Kept Name").param("email", "nope"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Kept Name"),
                        org.hamcrest.Matchers.containsString("must name at least one role"),
                        org.hamcrest.Matchers.containsString("is-invalid"))));
        assertThat(people.userExists(username)).isFalse();
    }

    @Test
    void aCsoLoginIsLinkedToItsOfficerAndAnOfficerGetsOnlyOne() throws Exception {
        Long officerId = TestUsers.asSystemGet(() -> people.hire(new NewOfficer("Ada", "Linked" + System.nanoTime() % 100000,
                "ada." + System.nanoTime() + "@example.org", null, "North", ProgramComponent.YOUTH_SERVICES,
                ShiftPattern.MON_FRI_DAY, null, java.time.LocalDate.now(), null))).getId();
        String username = unique("cso");
        String login = "{\"username\":\"%s\",\"displayName\":\"Ada\",\"email\":\"ada@example.org\",\"roles\":[\"CSO\"],\"officerId\":%d}";
        mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(login.formatted(username, officerId)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.officerId").value(officerId));
        mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(login.formatted(username + "2", officerId)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/admin/users").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(login.formatted(username + "3", 987654321L)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("officerId"));
    }

    @Test
    void usersAreListedAndSearchedWithTheirRolesAndStatus() throws Exception {
        String username = users.ensure(unique("findme"), Set.of(Role.COORDINATOR, Role.SUPERVISOR), null);
        mvc.perform(get("/api/admin/users").param("q", username.toUpperCase()).with(users.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalUsers").value(1))
                .andExpect(jsonPath("$.users[0].username").value(username))
                .andExpect(jsonPath("$.users[0].roles").value(org.hamcrest.Matchers.containsInAnyOrder("COORDINATOR", "SUPERVISOR")))
                .andExpect(jsonPath("$.users[0].enabled").value(true));
        mvc.perform(get("/admin/users").param("q", username).with(users.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString(username),
                        org.hamcrest.Matchers.containsString("COORDINATOR, SUPERVISOR"), org.hamcrest.Matchers.containsString("Active"))));
        mvc.perform(get("/api/admin/users").param("size", "0").with(users.as(Role.ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/admin/users/424242424").with(users.as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/424242424").with(users.as(Role.ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void rolesChangeWithTheVersionLastReadAndAStaleEditIsAConflict() throws Exception {
        String username = users.ensure(unique("roles"), Set.of(Role.HR), null);
        long id = idOf(username);
        basic(username, TestUsers.PASSWORD).andExpect(jsonPath("$.roles[0]").value("HR")); // now cached
        long version = version(id);

        mvc.perform(put("/api/admin/users/" + id + "/roles").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"COORDINATOR\"],\"version\":" + version + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("COORDINATOR"));
        // the cached credentials were forgotten: the next call has the new role
        basic(username, TestUsers.PASSWORD).andExpect(jsonPath("$.roles[0]").value("COORDINATOR"));

        mvc.perform(put("/api/admin/users/" + id + "/roles").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"SUPERVISOR\"],\"version\":" + version + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Someone else changed this login")));
        mvc.perform(put("/api/admin/users/" + id + "/roles").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[],\"version\":" + version(id) + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roles"));
        assertThat(people.findLogin(username).orElseThrow().roles()).containsExactly(Role.COORDINATOR);
        List<AuditEvent> history = audit.historyOf("UserAccount", id);
        assertThat(history).filteredOn(e -> e.getAction().equals("ROLES_CHANGED")).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo(users.staff(Role.ADMIN));
            assertThat(e.getDetails()).contains("[HR]", "[COORDINATOR]");
            assertThat(e.getOccurredAt()).isNotNull();
        });

        // the page: a stale form shows the conflict on the user's page, 409
        mvc.perform(post("/admin/users/" + id + "/roles").with(users.as(Role.ADMIN)).with(csrf())
                        .param("roles", "HR").param("version", String.valueOf(version)))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else changed this login")));
        mvc.perform(post("/admin/users/" + id + "/roles").with(users.as(Role.ADMIN)).with(csrf())
                        .param("roles", "HR", "ADMIN").param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/admin/users/" + id));
        assertThat(people.findLogin(username).orElseThrow().roles()).containsExactlyInAnyOrder(Role.HR, Role.ADMIN);
        mvc.perform(post("/admin/users/" + id + "/roles").with(users.as(Role.ADMIN)).param("roles", "HR")
                .param("version", String.valueOf(version(id)))).andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void disablingALoginVoidsItsPendingResetLink() throws Exception {
        String username = users.ensure(unique("voided"), Set.of(Role.HR), null);
        long id = idOf(username);
        TestUsers.asSystem(() -> administration.resetPassword(id, version(id)));
        String token = linkMailedTo(username + "@example.org");
        TestUsers.asSystem(() -> administration.setEnabled(id, false, version(id)));

        mvc.perform(post("/activate/" + token).with(csrf()).param("password", "sneaking-back-in").param("confirmation", "sneaking-back-in"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("unknown, used or expired")));
        assertThat(people.findLogin(username).orElseThrow().enabled()).isFalse();
        assertThat(administration.get(id).status()).isEqualTo("Disabled");
        mvc.perform(post("/api/admin/users/" + id + "/password-reset").with(users.as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id) + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This login is disabled. Enable it before sending a password reset link."));
    }

    @Test
    void anAdministratorCannotDemoteOrDisableThemselves() throws Exception {
        String admin = users.ensure(unique("selfadmin"), Set.of(Role.ADMIN, Role.HR), null);
        long id = idOf(admin);
        mvc.perform(put("/api/admin/users/" + id + "/roles").with(users.as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"HR\"],\"version\":" + version(id) + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("You cannot remove your own ADMIN role. Ask another administrator."));
        mvc.perform(put("/api/admin/users/" + id + "/status").with(users.as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false,\"version\":" + version(id) + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("You cannot disable your own login."));
        mvc.perform(post("/admin/users/" + id + "/status").with(users.as(admin)).with(csrf())
                        .param("enabled", "false").param("version", String.valueOf(version(id))))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You cannot disable your own login.")));
        assertThat(people.findLogin(admin).orElseThrow().enabled()).isTrue();
        assertThat(people.findLogin(admin).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDemotedOrDisabled() {
        String last = users.ensure(unique("lastadmin"), Set.of(Role.ADMIN), null);
        long id = idOf(last);
        // inside a transaction that is rolled back: every other administrator is disabled for a moment
        tx.executeWithoutResult(status -> {
            jdbc.update("update cso.user_account set enabled = false where id <> ? and id in "
                    + "(select user_id from cso.user_role where role = 'ADMIN')", id);
            TestUsers.asSystem(() -> {
                assertThatThrownBy(() -> administration.setEnabled(id, false, version(id)))
                        .isInstanceOf(ConflictException.class)
                        .hasMessage(last + " is the last enabled administrator and cannot be disabled. Make someone else an administrator first.");
                assertThatThrownBy(() -> administration.changeRoles(id, Set.of(Role.HR), version(id)))
                        .isInstanceOf(ConflictException.class).hasMessageContaining("cannot be demoted");
            });
            status.setRollbackOnly();
        });
        assertThat(people.findLogin(last).orElseThrow().enabled()).isTrue();
        assertThat(people.findLogin(last).orElseThrow().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aDisabledLoginCannotSignInAndItsOpenSessionStopsWorking() throws Exception {
        String username = users.ensure(unique("disabled"), Set.of(Role.HR), null);
        long id = idOf(username);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(get("/hiring/tasks").session(session)).andExpect(status().isOk());
        basic(username, TestUsers.PASSWORD).andExpect(status().isOk()); // cached for a few minutes

        mvc.perform(post("/admin/users/" + id + "/status").with(users.as(Role.ADMIN)).with(csrf())
                        .param("enabled", "false").param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/admin/users/" + id));

        mvc.perform(get("/hiring/tasks").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
        basic(username, TestUsers.PASSWORD).andExpect(status().isUnauthorized());
        mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(actions(id)).contains("LOGIN_DISABLED");

        mvc.perform(put("/api/admin/users/" + id + "/status").with(users.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"version\":" + version(id) + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
        basic(username, TestUsers.PASSWORD).andExpect(status().isOk());
        assertThat(actions(id)).containsSubsequence("LOGIN_DISABLED", "LOGIN_ENABLED");
    }

    @Test
    void aPasswordResetMailsAOneTimeLinkAndTheOldPasswordStopsWorking() throws Exception {
        String username = users.ensure(unique("reset"), Set.of(Role.SUPERVISOR), null);
        long id = idOf(username);
        basic(username, TestUsers.PASSWORD).andExpect(status().isOk());

        String body = mvc.perform(post("/api/admin/users/" + id + "/password-reset").with(users.as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id) + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.awaitingActivation").value(true))
                .andReturn().getResponse().getContentAsString();
        String token = linkMailedTo(username + "@example.org");
        assertThat(body).doesNotContain(token);
        basic(username, TestUsers.PASSWORD).andExpect(status().isUnauthorized());

        mvc.perform(post("/activate/" + token).with(csrf()).param("password", "a-brand-new-one").param("confirmation", "a-brand-new-one"))
                .andExpect(redirectedUrl("/login?activated"));
        basic(username, "a-brand-new-one").andExpect(status().isOk());
        mvc.perform(post("/activate/" + token).with(csrf()).param("password", "once-more-please").param("confirmation", "once-more-please"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("unknown, used or expired")));
        assertThat(actions(id)).containsSubsequence("PASSWORD_RESET", "ACCOUNT_ACTIVATED");
        assertThat(audit.historyOf("UserAccount", id)).extracting(AuditEvent::getDetails)
                .noneMatch(d -> d != null && (d.contains(token) || d.contains("a-brand-new-one")));

        // the page: the same, with a message and never the link
        String page = mvc.perform(post("/admin/users/" + id + "/password-reset").with(users.as(Role.ADMIN)).with(csrf())
                        .param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/admin/users/" + id)).andReturn().getFlashMap().get("message").toString();
        assertThat(page).contains("e-mailed").doesNotContain("/activate/");
    }

    @Test
    void otherRolesCannotReachAdministration() throws Exception {
        for (Role role : List.of(Role.HR, Role.COORDINATOR, Role.SUPERVISOR, Role.CSO)) {
            mvc.perform(get("/api/admin/users").with(users.as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users").with(users.as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/admin/users")).andExpect(status().isUnauthorized());
    }

    private ResultActions basic(String username, String password) throws Exception {
        return mvc.perform(get("/api/me").with(httpBasic(username, password)));
    }

    private String linkMailedTo(String address) {
        List<Map<String, Object>> mails = jdbc.queryForList(
                "select body from cso.outgoing_mail where recipient = ? order by id desc", address);
        assertThat(mails).as("mail to " + address).isNotEmpty();
        Matcher link = LINK.matcher(mails.get(0).get("body").toString());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private List<String> actions(long id) {
        return audit.historyOf("UserAccount", id).stream().map(AuditEvent::getAction).toList();
    }

    private long idOf(String username) {
        return people.findLogin(username).orElseThrow().userId();
    }

    private long version(long id) {
        return administration.get(id).version();
    }

    private static String unique(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L;
    }
}
