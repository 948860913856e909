package org.csotracker.hiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The hiring API: roles, validation, state conflicts and double submits. */
@CsoTrackerTest
class HiringApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    RequestPostProcessor hr;

    @BeforeEach
    void signIn() {
        hr = httpBasic(users.staff(Role.HR), TestUsers.PASSWORD);
    }

    @Test
    void anyoneCanApplyAndGets201WithTheNewId() throws Exception {
        NewApplication application = Applicants.strong("Mai", "Nguyễn");
        String body = mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
                        .content(Applicants.json(application)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/candidates/")))
                .andExpect(jsonPath("$.stage").value("SCREENING"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        mvc.perform(get("/api/candidates/{id}", id).with(hr))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastName").value("Nguyễn"))
                .andExpect(jsonPath("$.openStep").value("screening"))
                .andExpect(jsonPath("$.desiredScore").value(11))
                .andExpect(jsonPath("$.source").value("API"))
                .andExpect(jsonPath("$.history[0].action").value("APPLICATION_RECEIVED"))
                .andExpect(jsonPath("$.history[0].actor").value("anonymous"));
    }

    @Test
    void invalidApplicationNamesEveryBadField() throws Exception {
        long before = count();
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content("""
                        {"firstName":"","lastName":"Lee","email":"not-an-email","languages":"English",
                         "communityEngagementYears":-1,"crisisExperienceYears":2,"education":"HIGH_SCHOOL",
                         "ageEligible":true,"workAuthorized":true,"consent":false}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'firstName')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'communityEngagementYears')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'consent')]").exists());
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
                        .content(Applicants.json(Applicants.strong("Bad", "Education")).replace("ASSOCIATE", "PHD")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("education"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void duplicateOpenApplicationIsRefusedWith409() throws Exception {
        String application = Applicants.json(Applicants.strong("Dup", "Licate"));
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content(application))
                .andExpect(status().isCreated());
        long before = count();
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content(application.toUpperCase()
                        .replace("\"ASSOCIATE\"", "\"ASSOCIATE\"").replaceAll("\"([A-Z_]+)\":", "\"$1\":")))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content(application))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already exists")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void readingAndMovingCandidatesIsForHrOnly() throws Exception {
        long id = apply("Role", "Check");
        String cso = users.ensure("hiring-api-cso", Set.of(Role.CSO), null);
        mvc.perform(get("/api/candidates")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/candidates").with(httpBasic(cso, TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/candidates/{id}", id).with(users.as(Role.COORDINATOR))).andExpect(status().isForbidden());
        mvc.perform(post("/api/candidates/{id}/screening", id).with(httpBasic(cso, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"passed\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/candidates?q=check").with(hr))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[?(@.id == " + id + ")]").exists());
    }

    @Test
    void stepThatIsNotOpenGets409NamingTheOpenStep() throws Exception {
        long id = apply("Wrong", "State");
        step(id, "interview", "{\"panelScore\":80,\"recommendation\":\"RECOMMEND\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.openStep").value("screening"))
                .andExpect(jsonPath("$.detail", containsString("The open step is Screening")));
    }

    @Test
    void doubleSubmitGets409AndChangesNothing() throws Exception {
        long id = apply("Double", "Submit");
        step(id, "screening", "{\"passed\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("BACKGROUND_CHECK"));
        long auditBefore = auditCount(id);
        step(id, "screening", "{\"passed\":true}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.openStep").value("background-check"));
        assertThat(auditCount(id)).isEqualTo(auditBefore);
    }

    @Test
    void concurrentSubmitsOfTheSameStepLetExactlyOneThrough() throws Exception {
        long id = apply("Race", "Condition");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> step(id, "screening", "{\"passed\":true}").andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from cso.audit_event where subject_type = 'Candidate' "
                + "and subject_id = ? and action = 'SCREENING_PASSED'", Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void rejectionWithoutReasonCodeIsRefusedAndNamesTheField() throws Exception {
        long id = apply("No", "Reason");
        step(id, "screening", "{\"passed\":false}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
        step(id, "screening", "{\"passed\":false,\"reasonCode\":\"NOT_A_CODE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
        mvc.perform(get("/api/candidates/{id}", id).with(hr)).andExpect(jsonPath("$.stage").value("SCREENING"));
    }

    @Test
    void offerNamesEachInvalidTerm() throws Exception {
        long id = apply("Offer", "Terms");
        step(id, "screening", "{\"passed\":true}");
        step(id, "background-check", "{\"clear\":true}");
        step(id, "interview", "{\"panelScore\":91,\"recommendation\":\"STRONGLY_RECOMMEND\"}");
        step(id, "union-vetting", "{\"approved\":true}");
        step(id, "offer", """
                {"startDate":"2001-01-01","district":"Atlantis","supervisor":"nobody","shiftPattern":"TUE_SAT_DAY",
                 "programComponent":"YOUTH_SERVICES","cohortId":4242}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'startDate')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'district')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'supervisor')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'cohortId')]").exists());
        mvc.perform(get("/api/candidates/{id}", id).with(hr)).andExpect(jsonPath("$.stage").value("OFFER"));
    }

    @Test
    void candidateAnswersTheirOfferWithTheLinkAndWithdrawingAClosedCaseIs409() throws Exception {
        long id = apply("Link", "Answer");
        step(id, "screening", "{\"passed\":true}");
        step(id, "background-check", "{\"clear\":true}");
        step(id, "interview", "{\"panelScore\":75,\"recommendation\":\"RECOMMEND\"}");
        step(id, "union-vetting", "{\"approved\":true}");
        step(id, "offer", """
                {"startDate":"%s","district":"North","supervisor":"%s","shiftPattern":"MON_FRI_DAY",
                 "programComponent":"COMMUNITY_ENGAGEMENT"}""".formatted(java.time.LocalDate.now().plusDays(20),
                users.staff(Role.SUPERVISOR))).andExpect(status().isOk());
        String token = jdbc.queryForObject("select offer_token from cso.candidate where id = ?", String.class, id);

        mvc.perform(post("/api/offers/{token}/response", "not-the-token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"accepted\":false}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/offers/{token}/response", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accepted\":false,\"note\":\"Staying in school\"}")).andExpect(status().isNoContent());

        JsonNode candidate = json.readTree(mvc.perform(get("/api/candidates/{id}", id).with(hr))
                .andReturn().getResponse().getContentAsString());
        assertThat(candidate.get("stage").asText()).isEqualTo("OFFER_DECLINED");
        assertThat(candidate.get("history").findValuesAsText("actor")).contains("anonymous");

        step(id, "withdrawal", "{\"reason\":\"too late\"}").andExpect(status().isConflict());
    }

    @Test
    void funnelCountsEveryPipelineStage() throws Exception {
        apply("Funnel", "Entry");
        mvc.perform(get("/api/hiring/funnel").with(hr))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].stage").value("SCREENING"))
                .andExpect(jsonPath("$[0].reached").isNumber())
                .andExpect(jsonPath("$.length()").value(HiringStage.PIPELINE.size()));
    }

    private long apply(String first, String last) throws Exception {
        String body = mvc.perform(post("/api/applications").with(hr).contentType(MediaType.APPLICATION_JSON)
                        .content(Applicants.json(Applicants.strong(first, last))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private ResultActions step(long id, String step, String body) throws Exception {
        return mvc.perform(post("/api/candidates/{id}/" + step, id).with(hr)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from cso.candidate", Long.class);
    }

    private long auditCount(long id) {
        return jdbc.queryForObject("select count(*) from cso.audit_event where subject_type = 'Candidate' and subject_id = ?",
                Long.class, String.valueOf(id));
    }
}
