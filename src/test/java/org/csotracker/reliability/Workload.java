package org.csotracker.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Candidates driven through hiring and the academy over the HTTP API, as HR and the coordinator
 * would, while the app may be down: a call that gets no answer is retried until the app answers
 * (so its outcome is unknown, and the next step is chosen from the candidate's state as the app
 * reports it, never from what the client believes). Certification follows by itself.
 */
final class Workload {

    static final String PASSWORD = "reliability-password";
    static final String HR = "rel-hr";
    static final String COORDINATOR = "rel-coordinator";
    static final String SUPERVISOR = "rel-supervisor";
    static final List<String> MODULES = List.of("DE-ESCALATION", "CULTURAL-COMPETENCY");
    private static final Duration GIVE_UP = Duration.ofMinutes(4);

    /** An API call that returned 2xx: a hiring step of a candidate, or a module result of an officer. */
    record Confirmed(long subjectId, String step) {
    }

    /** One candidate's plan: hired, rejected at the interview, or declining the offer. */
    enum Path {
        HIRE("HIRED"), REJECT_AT_INTERVIEW("REJECTED"), DECLINE_OFFER("OFFER_DECLINED");

        final String finalStage;

        Path(String finalStage) {
            this.finalStage = finalStage;
        }

        static Path of(int i) {
            return switch (i % 10) {
                case 8 -> REJECT_AT_INTERVIEW;
                case 9 -> DECLINE_OFFER;
                default -> HIRE;
            };
        }
    }

    private final List<String> baseUrls;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger nextNode = new AtomicInteger();
    private final String tag;
    private long cohortId;

    final Map<Long, Path> candidates = new ConcurrentHashMap<>();
    final Map<Long, Long> officers = new ConcurrentHashMap<>();
    final Queue<Confirmed> confirmedSteps = new ConcurrentLinkedQueue<>();
    final Queue<Confirmed> confirmedResults = new ConcurrentLinkedQueue<>();
    final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();

    Workload(List<String> baseUrls, String tag) {
        this.baseUrls = baseUrls;
        this.tag = tag;
    }

    /** A cohort that ends today: its end timer is due as soon as a recruit has passed every module. */
    void createCohort() throws Exception {
        String body = """
                {"name":"Reliability %s","startDate":"%s","capacity":200,"coordinator":"%s","location":"Training center",
                 "schedule":[{"week":1,"moduleCode":"DE-ESCALATION"},{"week":2,"moduleCode":"CULTURAL-COMPETENCY"}]}"""
                .formatted(tag, LocalDate.now().minusWeeks(8).plusDays(1), COORDINATOR);
        Answer created = send("POST", "/api/cohorts", body, COORDINATOR);
        if (created.status() != 201) {
            throw new IllegalStateException("cohort: " + created);
        }
        cohortId = json.readTree(created.body()).get("id").asLong();
    }

    /** Drives candidate number {@code i} to the end of its path (for a hire: both modules recorded). */
    void drive(int i) throws Exception {
        Path path = Path.of(i);
        long id = apply(i);
        candidates.put(id, path);
        JsonNode candidate = read("/api/candidates/" + id, HR);
        while (true) {
            String stage = candidate.get("stage").asText();
            if (stage.equals(path.finalStage)) {
                if (path == Path.HIRE) {
                    long officer = candidate.get("officerId").asLong();
                    officers.put(id, officer);
                    recordResults(officer);
                }
                return;
            }
            String[] step = nextStep(path, stage);
            if (step == null) { // being hired by the job executor
                Thread.sleep(300);
                candidate = read("/api/candidates/" + id, HR);
                continue;
            }
            Answer answer = send("POST", "/api/candidates/" + id + "/" + step[0], step[1], HR);
            if (answer.status() == 200) {
                confirmedSteps.add(new Confirmed(id, step[0]));
                candidate = json.readTree(answer.body()); // the step answers with the candidate as it is now
            } else if (answer.status() == 409 && answer.retried()) {
                candidate = read("/api/candidates/" + id, HR);
            } else {
                unexpected.add("candidate " + id + " " + step[0] + ": " + answer);
                return;
            }
        }
    }

    private long apply(int i) throws Exception {
        String email = "rel-" + tag + "-" + i + "@example.org";
        String body = """
                {"firstName":"Reliable","lastName":"Candidate %d","email":"%s","phone":"206-555-0100","languages":"English, Spanish",
                 "communityEngagementYears":4,"crisisExperienceYears":2,"education":"ASSOCIATE","ageEligible":true,
                 "workAuthorized":true,"districtPreference":"South","statement":"Ready to serve.",
                 "preferredLanguage":"en","consent":true}""".formatted(i, email);
        Answer answer = send("POST", "/api/applications", body, null);
        if (answer.status() == 201) {
            long id = json.readTree(answer.body()).get("id").asLong();
            confirmedSteps.add(new Confirmed(id, "application"));
            return id;
        }
        if (answer.status() == 409 && answer.retried()) { // the first try went through before the app died
            JsonNode found = read("/api/candidates?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8), HR).get("candidates");
            if (found.size() == 1) {
                return found.get(0).get("id").asLong();
            }
        }
        throw new IllegalStateException("application " + i + ": " + answer);
    }

    private String[] nextStep(Path path, String stage) {
        return switch (stage) {
            case "SCREENING" -> new String[] {"screening", "{\"passed\":true}"};
            case "BACKGROUND_CHECK" -> new String[] {"background-check", "{\"clear\":true}"};
            case "INTERVIEW" -> path == Path.REJECT_AT_INTERVIEW
                    ? new String[] {"interview", "{\"panelScore\":30,\"recommendation\":\"DO_NOT_RECOMMEND\"}"}
                    : new String[] {"interview", "{\"panelScore\":85,\"recommendation\":\"RECOMMEND\"}"};
            case "UNION_VETTING" -> new String[] {"union-vetting", "{\"approved\":true}"};
            case "OFFER" -> new String[] {"offer", """
                    {"startDate":"%s","cohortId":%d,"district":"South","supervisor":"%s","shiftPattern":"TUE_SAT_DAY",
                     "programComponent":"SYSTEM_NAVIGATOR"}""".formatted(LocalDate.now(), cohortId, SUPERVISOR)};
            case "OFFER_EXTENDED" -> new String[] {"offer-response", "{\"accepted\":" + (path == Path.HIRE) + "}"};
            case "HIRING" -> null;
            default -> throw new IllegalStateException("unexpected stage " + stage + " on path " + path);
        };
    }

    private void recordResults(long officer) throws Exception {
        for (String module : MODULES) {
            String body = """
                    {"score":90,"hoursAttended":32,"assessedOn":"%s","instructor":"Ofc. Rivera","practicalPassed":true}"""
                    .formatted(LocalDate.now());
            Answer answer = send("POST", "/api/recruits/" + officer + "/modules/" + module + "/results", body, COORDINATOR);
            if (answer.status() == 201) {
                confirmedResults.add(new Confirmed(officer, module));
            } else if (!(answer.status() == 409 && answer.retried())) {
                unexpected.add("officer " + officer + " " + module + ": " + answer);
            }
        }
    }

    JsonNode read(String path, String user) throws Exception {
        Answer answer = send("GET", path, null, user);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + answer);
        }
        return json.readTree(answer.body());
    }

    record Answer(int status, String body, boolean retried) {
        @Override
        public String toString() {
            return status + (retried ? " (after a retry) " : " ") + body.substring(0, Math.min(400, body.length()));
        }
    }

    /**
     * Sends until the app answers, spreading calls over the nodes. Connection failures (the app is
     * down) and 503 (it is shutting down or starting) are retried; every 5xx other than that is
     * recorded as unexpected.
     */
    Answer send(String method, String path, String body, String user) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        boolean retried = false;
        while (System.nanoTime() < deadline) {
            String base = baseUrls.get(Math.floorMod(nextNode.getAndIncrement(), baseUrls.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (user != null) {
                String password = user.equals("admin") ? AppProcess.ADMIN_PASSWORD : PASSWORD;
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503) {
                    retried = true;
                } else {
                    answered.incrementAndGet();
                    if (response.statusCode() >= 500) {
                        unexpected.add(method + " " + path + " -> " + response.statusCode() + " " + response.body());
                    }
                    return new Answer(response.statusCode(), response.body(), retried);
                }
            } catch (IOException e) {
                unanswered.incrementAndGet();
                retried = true;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(method + " " + path + ": no answer for " + GIVE_UP);
    }
}
