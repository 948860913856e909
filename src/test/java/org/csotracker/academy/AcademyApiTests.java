package org.csotracker.academy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The academy API: roles, object-level access, validation, conflicts, bulk all-or-nothing, CSV. */
@CsoTrackerTest
class AcademyApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Academy academy;
    @Autowired
    People people;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    String supervisor;
    Cohort cohort;

    @BeforeEach
    void setUp() {
        supervisor = users.staff(Role.SUPERVISOR);
        cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().minusWeeks(2), 40);
    }

    @Test
    void hrCannotRecordResultsAndCsosSeeOnlyTheirOwnTranscript() throws Exception {
        Officer own = enrolled("Own", "Transcript");
        Officer other = enrolled("Other", "Recruit");
        String cso = users.ensure("transcript-cso-" + own.getId(), Set.of(Role.CSO), own.getId());

        result(own, "DE-ESCALATION", entry(90)).andExpect(status().isCreated());
        mvc.perform(post("/api/recruits/{id}/modules/DE-ESCALATION/results", other.getId()).with(users.as(Role.HR))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(entry(90))).andExpect(status().isForbidden());

        mvc.perform(get("/api/recruits/{id}", own.getId()).with(users.as(cso)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.attempts[0].score").value(90));
        mvc.perform(get("/api/recruits/{id}", other.getId()).with(users.as(cso))).andExpect(status().isNotFound());

        String otherSupervisor = users.ensure("other-supervisor", Set.of(Role.SUPERVISOR), null);
        mvc.perform(get("/api/recruits/{id}", own.getId()).with(users.as(supervisor))).andExpect(status().isOk());
        mvc.perform(get("/api/recruits/{id}", own.getId()).with(users.as(otherSupervisor))).andExpect(status().isNotFound());
    }

    @Test
    void badResultsAreRefusedWithTheRightStatus() throws Exception {
        Officer officer = enrolled("Bad", "Input");
        result(officer, "NO-SUCH-MODULE", entry(90)).andExpect(status().isNotFound());
        result(officer, "DE-ESCALATION", entry(150)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        result(officer, "DE-ESCALATION", "{\"score\":90,\"hoursAttended\":32,\"assessedOn\":\"%s\",\"instructor\":\"X\"}"
                .formatted(LocalDate.now())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("practicalPassed"));
        result(officer, "SELF-DEFENSE", entry(90)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("not taught")));

        String first = result(officer, "DE-ESCALATION", entry(90)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String again = result(officer, "DE-ESCALATION", entry(90)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again).get("id")).isEqualTo(json.readTree(first).get("id"));
        assertThat(json.readTree(again).get("attempt").asInt()).isEqualTo(1);
        result(officer, "DE-ESCALATION", entry(99)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already passed")));
    }

    @Test
    void bulkEntryIsAllOrNothingAndReportsEveryBadRow() throws Exception {
        Officer a = enrolled("Bulk", "Alpha");
        Officer b = enrolled("Bulk", "Bravo");
        Officer stranger = Recruits.hire(people, "Not", "Enrolled", supervisor);
        long before = results();
        bulk("""
                {"moduleCode":"CULTURAL-COMPETENCY","rows":[
                 {"officerId":%d,"score":88,"hoursAttended":24,"assessedOn":"%s","instructor":"Dr. Banks"},
                 {"officerId":%d,"score":140,"hoursAttended":24,"assessedOn":"%s","instructor":"Dr. Banks"},
                 {"officerId":%d,"score":70,"hoursAttended":24,"assessedOn":"%s","instructor":"Dr. Banks"},
                 {"officerId":%d,"score":70,"hoursAttended":24,"assessedOn":"%s","instructor":"Dr. Banks"}]}"""
                .formatted(a.getId(), today(), b.getId(), today(), stranger.getId(), today(), a.getId(), today()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[1].score')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[2].officerId')].message").value(hasItem(containsString("not enrolled"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[3].officerId')].message").value(hasItem(containsString("duplicate of row 0"))));
        assertThat(results()).isEqualTo(before);

        String good = """
                {"moduleCode":"CULTURAL-COMPETENCY","rows":[
                 {"officerId":%d,"score":88,"hoursAttended":24,"assessedOn":"%s","instructor":"Dr. Banks"},
                 {"employeeNumber":"%s","score":52,"hoursAttended":24,"assessedOn":"%s","instructor":"Dr. Banks"}]}"""
                .formatted(a.getId(), today(), b.getEmployeeNumber(), today());
        bulk(good).andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(2))
                .andExpect(jsonPath("$.passed").value(1)).andExpect(jsonPath("$.failed").value(1));
        bulk(good).andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        assertThat(results()).isEqualTo(before + 2);
    }

    @Test
    void csvUploadNamesTheLineAndIsIdempotent() throws Exception {
        Officer a = enrolled("Csv", "One");
        Officer b = enrolled("Csv", "Two");
        long before = results();
        String bad = "employee_number,score,hours_attended,assessed_on,instructor,practical_passed,notes\n"
                + a.getEmployeeNumber() + ",91,32," + today() + ",Ofc. Rivera,yes,\n"
                + b.getEmployeeNumber() + ",ninety,32," + today() + ",Ofc. Rivera,yes,\n"
                + "CSO-99999,80,32," + today() + ",Ofc. Rivera,yes,\n";
        csv(bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 3"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("score must be a whole number")));
        assertThat(results()).isEqualTo(before);

        String good = bad.replace("ninety", "77").replace("CSO-99999,80,32," + today() + ",Ofc. Rivera,yes,\n", "");
        csv(good).andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(2));
        csv(good).andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(0)).andExpect(jsonPath("$.unchanged").value(2));
        String unknown = "employee_number,score,hours_attended,assessed_on,instructor,practical_passed,notes\n"
                + "CSO-99999,80,32," + today() + ",Ofc. Rivera,yes,\n";
        csv(unknown).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("line 2"));
        assertThat(results()).isEqualTo(before + 2);
    }

    @Test
    void editingAModuleAddsAVersionAndOldResultsKeepTheirs() throws Exception {
        String code = "RADIO-" + System.nanoTime() % 100000;
        mvc.perform(post("/api/modules").with(users.as(Role.COORDINATOR)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","definition":{"title":"Radio procedure","hours":8,"weekFrom":1,"weekTo":1,
                                 "passingScore":70,"practicalRequired":false,"active":true}}""".formatted(code)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/modules/{code}", code).with(users.as(Role.ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Radio procedure","hours":12,"weekFrom":2,"weekTo":1,"passingScore":75,
                                 "practicalRequired":false,"active":true}"""))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/modules/{code}", code).with(users.as(Role.ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Radio procedure","hours":12,"weekFrom":1,"weekTo":1,"passingScore":75,
                                 "practicalRequired":false,"active":true}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/modules").with(users.as(Role.HR)))
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].hours").value(12));
        mvc.perform(post("/api/modules").with(users.as(Role.HR)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());

        // a result recorded under the first version of de-escalation keeps version 1's meaning
        Officer officer = enrolled("Version", "Keeper");
        result(officer, "DE-ESCALATION", entry(85)).andExpect(status().isCreated());
        assertThat(academy.moduleHistory("DE-ESCALATION")).isNotEmpty();
        mvc.perform(get("/api/recruits/{id}", officer.getId()).with(users.as(Role.COORDINATOR)))
                .andExpect(jsonPath("$.attempts[0].moduleVersion").value(academy.module("DE-ESCALATION").getVersion()));
    }

    @Test
    void cohortsAreCreatedWithTheCatalogScheduleAndNamesMustBeUnique() throws Exception {
        String body = """
                {"name":"Spring %d","startDate":"%s","capacity":24,"coordinator":"%s","location":"Training Center"}"""
                .formatted(System.nanoTime(), LocalDate.now().plusWeeks(6), users.staff(Role.COORDINATOR));
        String created = mvc.perform(post("/api/cohorts").with(users.as(Role.COORDINATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        assertThat(json.readTree(created).get("endDate").asText())
                .isEqualTo(LocalDate.now().plusWeeks(6).plusWeeks(8).minusDays(1).toString());
        JsonNode grid = json.readTree(mvc.perform(get("/api/cohorts/{id}", id).with(users.as(Role.COORDINATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(grid.get("modules").findValuesAsText("code")).contains("DE-ESCALATION", "MEDIATION",
                "CRISIS-INTERVENTION", "CULTURAL-COMPETENCY");
        mvc.perform(post("/api/cohorts").with(users.as(Role.COORDINATOR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict());
        mvc.perform(post("/api/cohorts").with(users.as(Role.COORDINATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("Spring", "Fall")
                                .replace(users.staff(Role.COORDINATOR), "nobody")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("coordinator"));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Officer enrolled(String first, String last) {
        Officer officer = Recruits.hire(people, first, last, supervisor);
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), officer.getId()));
        return officer;
    }

    private static String entry(int score) {
        return """
                {"score":%d,"hoursAttended":32,"assessedOn":"%s","instructor":"Ofc. Rivera","practicalPassed":true}"""
                .formatted(score, LocalDate.now());
    }

    private static String today() {
        return LocalDate.now().toString();
    }

    private ResultActions result(Officer officer, String module, String body) throws Exception {
        return mvc.perform(post("/api/recruits/{id}/modules/{code}/results", officer.getId(), module)
                .with(users.as(Role.COORDINATOR)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions bulk(String body) throws Exception {
        return mvc.perform(post("/api/cohorts/{id}/results", cohort.getId()).with(users.as(Role.COORDINATOR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions csv(String content) throws Exception {
        return mvc.perform(multipart("/api/cohorts/{id}/results.csv", cohort.getId())
                .file(new MockMultipartFile("file", "results.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8)))
                .param("moduleCode", "DE-ESCALATION").with(users.as(Role.COORDINATOR)).with(csrf()));
    }

    private long results() {
        return jdbc.queryForObject("select count(*) from cso.module_result", Long.class);
    }
}
