package org.csotracker.academy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.hiring.Applicants;
import org.csotracker.people.OfficerStatus;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The acceptance script: 30 candidates hired through the hiring API into one cohort, all
 * results entered in bulk with failures and retakes; each recruit ends passed or dismissed as the
 * results say, with {@link AcademyCompleted} for each who passed.
 */
@CsoTrackerTest
@RecordApplicationEvents
class AcademyAcceptanceTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;
    @Autowired
    Academy academy;
    @Autowired
    People people;
    @Autowired
    ManagementService management;
    @Autowired
    ApplicationEvents events;

    @Test
    void thirtyHiresGoThroughOneCohort() throws Exception {
        RequestPostProcessor hr = users.as(Role.HR);
        RequestPostProcessor coordinator = users.as(Role.COORDINATOR);
        String supervisor = users.staff(Role.SUPERVISOR);
        Cohort cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().minusWeeks(1), 30);

        List<Long> officers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long candidate = hire(hr, "Recruit" + i, supervisor, cohort.getId());
            officers.add(json.readTree(mvc.perform(get("/api/candidates/{id}", candidate).with(hr))
                    .andReturn().getResponse().getContentAsString()).get("officerId").asLong());
        }
        assertThat(academy.cohortModules(cohort.getId())).hasSize(2);
        assertThat(officers).allSatisfy(id ->
                assertThat(people.officer(id).getStatus()).isEqualTo(OfficerStatus.IN_ACADEMY));

        // de-escalation: recruits 0-3 fail; 0 and 1 pass the retake, 2 and 3 fail it again
        bulk(coordinator, cohort, "DE-ESCALATION", officers, i -> i < 4 ? 50 : 85);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/recruits/{id}/modules/DE-ESCALATION/remediation", officers.get(i)).with(coordinator)
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"plan\":\"Scenario coaching\",\"dueDate\":\"%s\"}".formatted(LocalDate.now().plusDays(5))))
                    .andExpect(status().isCreated());
        }
        bulk(coordinator, cohort, "DE-ESCALATION", officers.subList(0, 4), i -> i < 2 ? 82 : 44);
        // cultural competency: everyone still enrolled passes
        List<Long> remaining = officers.stream()
                .filter(id -> people.officer(id).getStatus() == OfficerStatus.IN_ACADEMY).toList();
        bulk(coordinator, cohort, "CULTURAL-COMPETENCY", remaining, i -> 90);

        // the cohort's end date is reached
        for (Long officer : remaining) {
            Recruit recruit = academy.currentEnrollment(officer).orElseThrow();
            Job timer = management.createJobQuery().processInstanceId(recruit.getProcessInstanceId()).timers().singleResult();
            management.executeJob(timer.getId());
        }

        Map<Long, RecruitStatus> outcome = officers.stream().collect(Collectors.toMap(id -> id,
                id -> academy.currentEnrollment(id).orElseThrow().getStatus()));
        assertThat(outcome.get(officers.get(0))).isEqualTo(RecruitStatus.COMPLETED);
        assertThat(outcome.get(officers.get(1))).isEqualTo(RecruitStatus.COMPLETED);
        assertThat(outcome.get(officers.get(2))).isEqualTo(RecruitStatus.DISMISSED);
        assertThat(outcome.get(officers.get(3))).isEqualTo(RecruitStatus.DISMISSED);
        assertThat(outcome.values().stream().filter(s -> s == RecruitStatus.COMPLETED)).hasSize(28);
        assertThat(people.officer(officers.get(2)).getStatus()).isEqualTo(OfficerStatus.DISMISSED);
        assertThat(events.stream(AcademyCompleted.class).map(AcademyCompleted::officerId).toList())
                .containsExactlyInAnyOrderElementsOf(officers.stream()
                        .filter(id -> outcome.get(id) == RecruitStatus.COMPLETED).toList());
    }

    private long hire(RequestPostProcessor hr, String name, String supervisor, Long cohortId) throws Exception {
        long id = json.readTree(mvc.perform(post("/api/applications").with(hr).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(Applicants.json(Applicants.strong(name, "Acceptance"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        step(hr, id, "screening", "{\"passed\":true}");
        step(hr, id, "background-check", "{\"clear\":true}");
        step(hr, id, "interview", "{\"panelScore\":80,\"recommendation\":\"RECOMMEND\"}");
        step(hr, id, "union-vetting", "{\"approved\":true}");
        step(hr, id, "offer", """
                {"startDate":"%s","cohortId":%d,"district":"South","supervisor":"%s","shiftPattern":"TUE_SAT_DAY",
                 "programComponent":"SYSTEM_NAVIGATOR"}""".formatted(LocalDate.now().plusDays(1), cohortId, supervisor));
        step(hr, id, "offer-response", "{\"accepted\":true}");
        Job hire = management.createJobQuery().processInstanceId(processOf(id)).singleResult();
        TestUsers.asSystem(() -> management.executeJob(hire.getId()));
        return id;
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    private String processOf(long candidateId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(org.csotracker.hiring.HiringProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(candidateId))
                .singleResult().getId();
    }

    private void step(RequestPostProcessor hr, long id, String step, String body) throws Exception {
        mvc.perform(post("/api/candidates/{id}/" + step, id).with(hr).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    private void bulk(RequestPostProcessor coordinator, Cohort cohort, String module, List<Long> officers,
                      java.util.function.IntUnaryOperator score) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < officers.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("""
                    {"officerId":%d,"score":%d,"hoursAttended":32,"assessedOn":"%s","instructor":"Ofc. Rivera","practicalPassed":true}"""
                    .formatted(officers.get(i), score.applyAsInt(i), LocalDate.now()));
        }
        mvc.perform(post("/api/cohorts/{id}/results", cohort.getId()).with(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"moduleCode\":\"" + module + "\",\"rows\":[" + rows + "]}"))
                .andExpect(status().isOk());
    }
}
