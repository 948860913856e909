package org.csotracker.hiring;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.HttpSession;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance script, over HTTP only: 20 candidates along every path, moved with the
 * hiring API; timers and the hire job run through Camunda's REST API (as an operator would in
 * Cockpit), and Camunda's history must tell the same story as our records.
 */
@CsoTrackerServerTest
class HiringAcceptanceTests {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;

    HttpSession http;
    String hr;
    String admin;
    String supervisor;

    /** path name → expected stage and the end event Camunda must show */
    record Expected(String stage, String endEvent, String lastAction) {
    }

    private static final Map<String, Expected> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("hire", new Expected("HIRED", "EndEvent_CandidateHired", "HIRED"));
        PATHS.put("hireAfterObjection", new Expected("HIRED", "EndEvent_CandidateHired", "HIRED"));
        PATHS.put("rejectScreening", new Expected("REJECTED", "EndEvent_RejectedAtScreening", "REJECTED"));
        PATHS.put("rejectBackground", new Expected("REJECTED", "EndEvent_RejectedAtBackgroundCheck", "REJECTED"));
        PATHS.put("rejectInterview", new Expected("REJECTED", "EndEvent_RejectedAtInterview", "REJECTED"));
        PATHS.put("rejectUnion", new Expected("REJECTED", "EndEvent_RejectedAfterUnionObjection", "REJECTED"));
        PATHS.put("withdrawEarly", new Expected("WITHDRAWN", "EndEvent_Withdrawn", "WITHDRAWN"));
        PATHS.put("withdrawAtOffer", new Expected("WITHDRAWN", "EndEvent_Withdrawn", "WITHDRAWN"));
        PATHS.put("decline", new Expected("OFFER_DECLINED", "EndEvent_OfferDeclined", "OFFER_DECLINED"));
        PATHS.put("expire", new Expected("OFFER_EXPIRED", "EndEvent_OfferExpired", "OFFER_EXPIRED"));
    }

    @Test
    void twentyCandidatesEndWhereTheirPathSaysWithACompleteTrail() throws Exception {
        http = new HttpSession(port);
        hr = users.staff(Role.HR);
        admin = users.staff(Role.ADMIN);
        supervisor = users.staff(Role.SUPERVISOR);
        List<String> paths = new ArrayList<>(PATHS.keySet());
        Map<Long, String> byCandidate = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String path = paths.get(i % paths.size());
            long id = apply("Accept" + i, path);
            drive(id, path);
            byCandidate.put(id, path);
        }

        for (Map.Entry<Long, String> entry : byCandidate.entrySet()) {
            long id = entry.getKey();
            Expected expected = PATHS.get(entry.getValue());
            JsonNode candidate = get("/api/candidates/" + id);
            assertThat(candidate.get("stage").asText()).as("candidate %d on path %s", id, entry.getValue())
                    .isEqualTo(expected.stage());
            List<String> actions = candidate.get("history").findValuesAsText("action");
            assertThat(actions.get(0)).isEqualTo("APPLICATION_RECEIVED");
            assertThat(actions).last().isEqualTo(expected.lastAction());
            candidate.get("history").forEach(h -> {
                assertThat(h.get("actor").asText()).isNotBlank();
                assertThat(h.get("at").asText()).isNotBlank();
            });
            if (expected.stage().equals("REJECTED")) {
                assertThat(candidate.get("rejectionReason").asText()).isNotBlank();
                assertThat(candidate.get("closedAtStage").asText()).isNotBlank();
            }

            // what Cockpit shows: the ended instance and the end event it reached
            JsonNode instances = engine("/engine-rest/history/process-instance?processDefinitionKey=" + HiringProcess.KEY
                    + "&processInstanceBusinessKey=" + id);
            assertThat(instances).hasSize(1);
            assertThat(instances.get(0).get("state").asText()).isEqualTo("COMPLETED");
            JsonNode ends = engine("/engine-rest/history/activity-instance?processInstanceId="
                    + instances.get(0).get("id").asText() + "&activityType=noneEndEvent");
            assertThat(ends.findValuesAsText("activityId")).contains(expected.endEvent());
        }
        assertThat(engine("/engine-rest/incident")).isEmpty();
    }

    private void drive(long id, String path) throws Exception {
        switch (path) {
            case "rejectScreening" -> step(id, "screening", "{\"passed\":false,\"reasonCode\":\"MINIMUM_QUALIFICATIONS_NOT_MET\"}");
            case "rejectBackground" -> {
                passTo(id, "background-check");
                step(id, "background-check", "{\"clear\":false,\"note\":\"record\"}");
            }
            case "rejectInterview" -> {
                passTo(id, "interview");
                step(id, "interview", "{\"panelScore\":30,\"recommendation\":\"DO_NOT_RECOMMEND\"}");
            }
            case "rejectUnion" -> {
                passTo(id, "union-vetting");
                step(id, "union-vetting", "{\"approved\":false,\"note\":\"objection\"}");
                step(id, "union-objection", "{\"decision\":\"REJECT\",\"note\":\"upheld\"}");
            }
            case "withdrawEarly" -> step(id, "withdrawal", "{\"reason\":\"changed plans\"}");
            case "withdrawAtOffer" -> {
                passTo(id, "offer-response");
                step(id, "withdrawal", "{\"reason\":\"took another job\"}");
            }
            case "decline" -> {
                passTo(id, "offer-response");
                step(id, "offer-response", "{\"accepted\":false}");
            }
            case "expire" -> {
                passTo(id, "offer-response");
                runJobs(id); // the offer deadline timer
            }
            case "hireAfterObjection" -> {
                passTo(id, "union-vetting");
                step(id, "union-vetting", "{\"approved\":false,\"note\":\"objection\"}");
                step(id, "union-objection", "{\"decision\":\"PROCEED\",\"note\":\"resolved with the steward\"}");
                step(id, "offer", offer());
                step(id, "offer-response", "{\"accepted\":true}");
                runJobs(id);
            }
            case "hire" -> {
                passTo(id, "offer-response");
                step(id, "offer-response", "{\"accepted\":true}");
                runJobs(id); // the asynchronous hire
            }
            default -> throw new IllegalArgumentException(path);
        }
    }

    private void passTo(long id, String stopAt) {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("screening", "{\"passed\":true}");
        steps.put("background-check", "{\"clear\":true}");
        steps.put("interview", "{\"panelScore\":85,\"recommendation\":\"RECOMMEND\"}");
        steps.put("union-vetting", "{\"approved\":true}");
        steps.put("offer", offer());
        for (Map.Entry<String, String> step : steps.entrySet()) {
            if (step.getKey().equals(stopAt)) {
                return;
            }
            step(id, step.getKey(), step.getValue());
        }
    }

    private String offer() {
        return """
                {"startDate":"%s","district":"West","supervisor":"%s","shiftPattern":"TUE_SAT_LATE",
                 "programComponent":"YOUTH_SERVICES"}""".formatted(LocalDate.now().plusWeeks(4), supervisor);
    }

    private long apply(String first, String last) throws Exception {
        HttpResponse<String> response = http.sendJson("POST", "/api/applications",
                Applicants.json(Applicants.strong(first, last)), null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private void step(long id, String step, String body) {
        HttpResponse<String> response = http.sendJson("POST", "/api/candidates/" + id + "/" + step, body, hr, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
    }

    private void runJobs(long id) throws Exception {
        String instanceId = engine("/engine-rest/process-instance?businessKey=" + id).get(0).get("id").asText();
        for (JsonNode job : engine("/engine-rest/job?processInstanceId=" + instanceId)) {
            HttpResponse<String> run = http.sendJson("POST", "/engine-rest/job/" + job.get("id").asText() + "/execute",
                    "", admin, TestUsers.PASSWORD);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(204);
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.get(path, hr, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode engine(String path) throws Exception {
        HttpResponse<String> response = http.get(path, admin, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
