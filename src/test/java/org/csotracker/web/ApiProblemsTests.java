package org.csotracker.web;

import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API errors are RFC 9457 problem details that say what is wrong, never a stack trace or a 500. */
@CsoTrackerTest
class ApiProblemsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;

    @Test
    void anonymousApiCallGets401Problem() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void csoCallingAnAdminOnlyEndpointGets403Problem() throws Exception {
        String cso = users.ensure("problem-cso", java.util.Set.of(Role.CSO), null);
        mvc.perform(get("/api/audit").with(httpBasic(cso, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void malformedJsonGets400Problem() throws Exception {
        mvc.perform(put("/api/me/password").with(users.as(Role.HR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request"));
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        mvc.perform(put("/api/me/password").with(users.as(Role.HR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\": [1,2], \"newPassword\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        mvc.perform(put("/api/me/password").with(users.as(Role.HR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"a\", \"newPassword\": \"long-enough-1\", \"admin\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("admin"));
    }

    @Test
    void invalidFieldsAreEachNamed() throws Exception {
        mvc.perform(put("/api/me/password").with(users.as(Role.HR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\": \"\", \"newPassword\": \"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'currentPassword')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'newPassword')].message").value("must be 10 to 200 characters"));
    }

    @Test
    void sessionCallsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(put("/api/me/password").with(users.as(Role.HR)).sessionAttr("any", "session")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void changingYourOwnPasswordNeedsTheCurrentOne() throws Exception {
        String user = users.ensure("password-changer", java.util.Set.of(Role.COORDINATOR), null);
        mvc.perform(put("/api/me/password").with(httpBasic(user, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"not-it\", \"newPassword\": \"a-new-password-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(put("/api/me/password").with(httpBasic(user, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"" + TestUsers.PASSWORD + "\", \"newPassword\": \"a-new-password-2\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic(user, "a-new-password-2"))).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic(user, TestUsers.PASSWORD))).andExpect(status().isUnauthorized());
    }
}
