package org.csotracker.generator;

import org.csotracker.support.CsoTrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The generator at 1 % of statewide size: the right amounts, and records the app can read. */
@CsoTrackerTest
class StatewideDatasetTests {

    @Autowired
    StatewideDataset dataset;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void generatesEveryKindOfRecordInProportion() throws Exception {
        long officersBefore = count("cso.officer");
        long resultsBefore = count("cso.module_result");
        long candidatesBefore = count("cso.candidate");
        dataset.generate(StatewideDataset.Scale.of(0.01), "generated-password");

        assertThat(count("cso.officer") - officersBefore).isEqualTo(1_000);
        assertThat(count("cso.candidate") - candidatesBefore).isEqualTo(500);
        assertThat(count("cso.module_result") - resultsBefore).isBetween(8_000L, 12_000L);
        assertThat(jdbc.queryForObject("select count(distinct stage) from cso.candidate where statement = 'Generated application'",
                Long.class)).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from cso.certificate where number like 'GEN-%'", Long.class))
                .isGreaterThanOrEqualTo(2_000);

        Long officer = jdbc.queryForObject("select max(id) from cso.officer where employee_number like 'GEN-%'", Long.class);
        String login = jdbc.queryForObject("select username from cso.user_account where officer_id = ?", String.class, officer);
        mvc.perform(get("/api/me/certification").with(httpBasic(login, "generated-password")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.officerId").value(officer))
                .andExpect(jsonPath("$.transcript.attempts.length()").isNumber());
        String number = jdbc.queryForObject("select number from cso.certificate where officer_id = ? order by id limit 1",
                String.class, officer);
        mvc.perform(get("/api/verify/{n}", number)).andExpect(status().isOk());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
