package org.csotracker.security;

import java.util.Set;

import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

@CsoTrackerTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;

    @Test
    void repeatedFailuresLockTheUsernameEvenForTheRightPassword(CapturedOutput output) throws Exception {
        String user = users.ensure("throttled-user", Set.of(Role.HR), null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(user).password("guess-number-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(user).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error")).andReturn().getRequest().getSession();
        assertThat(java.util.Collections.list(session.getAttributeNames())).contains("SPRING_SECURITY_LAST_EXCEPTION");
        assertThat(session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION")).isInstanceOf(org.springframework.security.authentication.LockedException.class);
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("Too many failed sign-ins")));
        mvc.perform(get("/api/me").with(httpBasic(user, TestUsers.PASSWORD))).andExpect(status().isUnauthorized());

        String other = users.ensure("not-throttled-user", Set.of(Role.HR), null);
        mvc.perform(get("/api/me").with(httpBasic(other, TestUsers.PASSWORD))).andExpect(status().isOk());
        assertThat(output.getAll()).as("passwords never reach the logs")
                .doesNotContain("guess-number-").doesNotContain(TestUsers.PASSWORD);
    }
}
