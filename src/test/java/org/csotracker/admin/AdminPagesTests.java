package org.csotracker.admin;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin home and the decision tables, read from what the engine has deployed. */
@CsoTrackerTest
class AdminPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    RepositoryService repository;
    @Autowired
    ObjectMapper json;

    @Test
    void theAdminHomeLinksUsersRulesModuleCatalogAuditAndCockpit() throws Exception {
        mvc.perform(get("/admin").with(users.as(Role.ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/admin/users\""), containsString("href=\"/admin/rules\""),
                        containsString("href=\"/academy/modules\""), containsString("href=\"/admin/audit\""),
                        containsString("href=\"/camunda/app/cockpit/\""))));
        mvc.perform(get("/").with(users.as(Role.ADMIN))).andExpect(content().string(containsString("href=\"/admin\"")));
    }

    @Test
    void everyDeployedDecisionTableIsShownWithItsColumnsHitPolicyAndRows() throws Exception {
        List<DecisionDefinition> deployed = repository.createDecisionDefinitionQuery().latestVersion().list();
        assertThat(deployed).extracting(DecisionDefinition::getResourceName)
                .anyMatch(r -> r.endsWith("processes/hiring-qualifications.dmn"))
                .anyMatch(r -> r.endsWith("processes/certification-rules.dmn"));

        String page = mvc.perform(get("/admin/rules").with(users.as(Role.ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("redeploying", "docs/operations.md");
        JsonNode tables = json.readTree(mvc.perform(get("/api/admin/decisions").with(users.as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tables).hasSize(deployed.size());
        for (DecisionDefinition definition : deployed) {
            DecisionTable model = (DecisionTable) ((org.camunda.bpm.model.dmn.instance.Decision) repository
                    .getDmnModelInstance(definition.getId()).getModelElementById(definition.getKey())).getExpression();
            JsonNode table = null;
            for (JsonNode t : tables) {
                if (t.get("key").asText().equals(definition.getKey())) {
                    table = t;
                }
            }
            assertThat(table).as(definition.getKey()).isNotNull();
            assertThat(table.get("hitPolicy").asText()).isEqualTo(model.getHitPolicy().name());
            assertThat(table.get("inputs")).hasSize(model.getInputs().size());
            assertThat(table.get("outputs")).hasSize(model.getOutputs().size());
            assertThat(table.get("rows")).hasSize(model.getRules().size());
            assertThat(page).contains("data-key=\"" + definition.getKey() + "\"");
        }
        assertThat(page).contains("Minimum qualifications", "MinimumQualifications", "FIRST", "COLLECT",
                "Expiry reminders", "<code translate=\"no\">certification-rules.dmn</code>", "<code translate=\"no\">hiring-qualifications.dmn</code>")
                .doesNotContain("/target/classes");
    }

    @Test
    void nobodyElseSeesTheAdminPages() throws Exception {
        for (Role role : List.of(Role.HR, Role.COORDINATOR, Role.SUPERVISOR, Role.CSO)) {
            mvc.perform(get("/admin").with(users.as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/rules").with(users.as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/api/admin/decisions").with(users.as(role))).andExpect(status().isForbidden());
        }
    }
}
