package org.csotracker.audit;

import java.util.Set;

import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CsoTrackerTest
class AuditTrailTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesToEditOrDeleteAuditEntries() {
        users.ensure("audited-user", Set.of(Role.HR), null);
        assertThat(jdbc.queryForObject("select count(*) from cso.audit_event", Long.class)).isPositive();
        assertThatThrownBy(() -> jdbc.update("update cso.audit_event set actor = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from cso.audit_event"))
                .hasMessageContaining("append-only");
    }

    @Test
    void loginsAndFailedLoginsAreRecordedWithoutPasswords() throws Exception {
        String user = users.ensure("audited-login", Set.of(Role.SUPERVISOR), null);
        mvc.perform(formLogin().user(user).password("wrong-guess-123")).andExpect(status().isFound());
        mvc.perform(formLogin().user(user).password(TestUsers.PASSWORD)).andExpect(status().isFound());

        var entries = jdbc.queryForList("select actor, action, details from cso.audit_event "
                + "where subject_type = 'Login' and subject_id = ? order by id", user);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("LOGIN_FAILED", "LOGIN");
        assertThat(jdbc.queryForObject("select count(*) from cso.audit_event where details like '%wrong-guess%'",
                Long.class)).isZero();
    }

    @Test
    void adminsReadTheLogNewestFirst() throws Exception {
        users.ensure("audit-reader-check", Set.of(Role.HR), null);
        mvc.perform(get("/api/audit?size=1").with(users.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.totalEntries").isNumber());
        mvc.perform(get("/admin/audit").with(users.as(Role.ADMIN)))
                .andExpect(status().isOk());
    }
}
