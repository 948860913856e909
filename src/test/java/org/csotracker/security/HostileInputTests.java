package org.csotracker.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against the running app (real port, real Tomcat, real PostgreSQL): every {@code /api}
 * operation of the OpenAPI document is driven with bad input that jqwik generates from the
 * operation's own schema: missing and unknown fields, wrong JSON types, huge strings, control
 * characters and emoji, negative and huge numbers, impossible dates, unknown ids, path traversal
 * in file names, oversized and wrongly typed uploads, malformed JSON and wrong content types.
 *
 * <p>What must hold for every request: no 5xx; every 4xx is an {@code application/problem+json}
 * body; a refused request changes no row of any table in schema {@code cso}. Generation is seeded
 * (set {@code -Dfuzz.seed=N} to replay or vary a run; {@code -Dfuzz.tries=N} for more tries per
 * operation); a failure names the seed, the operation and the request.
 */
@CsoTrackerServerTest
class HostileInputTests {

    static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    static final int TRIES = Integer.getInteger("fuzz.tries", 14);
    static final int OVERSIZED = 5 * 1024 * 1024 + 1024;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Fixtures fx;

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String countSql;
    private int lastStatus;

    /** One operation of the OpenAPI document. */
    record Operation(String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }
    }

    /** Who calls an operation (a login allowed to, or null for anonymous) and the real record each path variable names. */
    record Caller(String login, Map<String, String> pathValues) {
    }

    /** One generated request. */
    record Attack(String kind, String method, String path, String contentType, byte[] body, String detail,
                  Integer expectedStatus) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return kind + " " + method + " " + path + " [" + contentType + "] " + detail + " body=" + shown
                    + (body != null && body.length > 300 ? "... (" + body.length + " bytes)" : "");
        }
    }

    @BeforeEach
    void setUp() {
        if (fx == null) {
            fx = Fixtures.create(context, users);
        }
        if (countSql == null) {
            List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                    + "where table_schema = 'cso' and table_type = 'BASE TABLE' and table_name not like 'flyway%' "
                    + "order by table_name", String.class);
            StringBuilder sql = new StringBuilder("select ");
            for (int i = 0; i < tables.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(select count(*) from cso.").append(tables.get(i))
                        .append(") as \"").append(tables.get(i)).append('"');
            }
            countSql = sql.toString();
        }
    }

    /** Who may call which operation, with the fixtures' ids; a new /api operation needs a line here. */
    private Map<String, Caller> callers() {
        String hr = users.staff(Role.HR);
        String coordinator = users.staff(Role.COORDINATOR);
        String admin = users.staff(Role.ADMIN);
        String passwordChanger = users.ensure("fuzz-password-user", Set.of(Role.HR), null);
        String candidate = fx.candidateId.toString();
        String cohort = fx.cohortId.toString();
        String recruit = fx.recruit.getId().toString();
        Map<String, Caller> c = new LinkedHashMap<>();
        c.put("GET /api/me", new Caller(hr, Map.of()));
        c.put("PUT /api/me/password", new Caller(passwordChanger, Map.of()));
        c.put("GET /api/me/notifications", new Caller(fx.a.login(), Map.of()));
        c.put("POST /api/applications", new Caller(hr, Map.of()));
        c.put("POST /api/offers/{token}/response", new Caller(null, Map.of("token", "no-such-offer-token")));
        c.put("GET /api/candidates", new Caller(hr, Map.of()));
        c.put("GET /api/candidates/{id}", new Caller(hr, Map.of("id", candidate)));
        for (String step : List.of("screening", "background-check", "interview", "union-vetting", "union-objection",
                "offer", "offer-response", "withdrawal")) {
            c.put("POST /api/candidates/{id}/" + step, new Caller(hr, Map.of("id", candidate)));
        }
        c.put("GET /api/hiring/funnel", new Caller(hr, Map.of()));
        c.put("GET /api/modules", new Caller(coordinator, Map.of()));
        c.put("POST /api/modules", new Caller(coordinator, Map.of()));
        c.put("PUT /api/modules/{code}", new Caller(coordinator, Map.of("code", "DE-ESCALATION")));
        c.put("GET /api/cohorts", new Caller(coordinator, Map.of()));
        c.put("POST /api/cohorts", new Caller(coordinator, Map.of()));
        c.put("GET /api/cohorts/{id}", new Caller(coordinator, Map.of("id", cohort)));
        c.put("POST /api/cohorts/{id}/recruits", new Caller(coordinator, Map.of("id", cohort)));
        c.put("POST /api/cohorts/{id}/results", new Caller(coordinator, Map.of("id", cohort)));
        c.put("POST /api/cohorts/{id}/results.csv", new Caller(coordinator, Map.of("id", cohort)));
        c.put("GET /api/recruits/{officerId}", new Caller(coordinator, Map.of("officerId", recruit)));
        c.put("POST /api/recruits/{officerId}/modules/{code}/results",
                new Caller(coordinator, Map.of("officerId", recruit, "code", "DE-ESCALATION")));
        c.put("POST /api/recruits/{officerId}/modules/{code}/remediation",
                new Caller(coordinator, Map.of("officerId", recruit, "code", "DE-ESCALATION")));
        c.put("POST /api/recruits/{officerId}/move", new Caller(coordinator, Map.of("officerId", recruit)));
        c.put("POST /api/recruits/{officerId}/withdrawal", new Caller(coordinator, Map.of("officerId", recruit)));
        c.put("GET /api/me/certification", new Caller(fx.a.login(), Map.of()));
        c.put("GET /api/me/certificates", new Caller(fx.a.login(), Map.of()));
        c.put("GET /api/me/certificates/{number}.pdf", new Caller(fx.a.login(), Map.of("number", fx.a.certificateNumber())));
        c.put("POST /api/me/continuing-education/submissions", new Caller(fx.a.login(), Map.of()));
        c.put("GET /api/officers/{id}/certification", new Caller(coordinator, Map.of("id", fx.a.officerId().toString())));
        c.put("GET /api/certification/readiness", new Caller(coordinator, Map.of()));
        c.put("POST /api/officers/{id}/continuing-education", new Caller(coordinator, Map.of("id", fx.b.officerId().toString())));
        c.put("POST /api/continuing-education/bulk", new Caller(coordinator, Map.of()));
        c.put("GET /api/continuing-education/submissions", new Caller(coordinator, Map.of()));
        c.put("GET /api/continuing-education/submissions/{id}/evidence",
                new Caller(coordinator, Map.of("id", fx.a.submissionId().toString())));
        c.put("POST /api/continuing-education/submissions/{id}/review",
                new Caller(coordinator, Map.of("id", fx.b.submissionId().toString())));
        c.put("POST /api/certifications/{id}/revocation", new Caller(admin, Map.of("id", fx.b.certificationId().toString())));
        c.put("GET /api/verify/{number}", new Caller(null, Map.of("number", fx.a.certificateNumber())));
        c.put("GET /api/audit", new Caller(admin, Map.of()));
        c.put("PUT /api/me/notification-mail", new Caller(fx.a.login(), Map.of()));
        c.put("GET /api/exports/candidates.csv", new Caller(hr, Map.of()));
        c.put("GET /api/exports/cohorts/{id}/roster.csv", new Caller(coordinator, Map.of("id", cohort)));
        c.put("GET /api/exports/module-results.csv", new Caller(coordinator, Map.of()));
        c.put("GET /api/exports/continuing-education.csv", new Caller(coordinator, Map.of()));
        c.put("GET /api/exports/certifications.csv", new Caller(coordinator, Map.of()));
        c.put("GET /api/calendars/cohorts/{id}.ics", new Caller(coordinator, Map.of("id", cohort)));
        // administration, aimed at a login that exists only to be changed by the fuzzer
        String target = users.ensure("fuzz-admin-target", Set.of(Role.HR), null);
        String targetId = jdbc.queryForObject("select id from cso.user_account where username = ?", Long.class, target)
                .toString();
        c.put("GET /api/admin/users", new Caller(admin, Map.of()));
        c.put("POST /api/admin/users", new Caller(admin, Map.of()));
        c.put("GET /api/admin/users/{id}", new Caller(admin, Map.of("id", targetId)));
        c.put("PUT /api/admin/users/{id}/roles", new Caller(admin, Map.of("id", targetId)));
        c.put("PUT /api/admin/users/{id}/status", new Caller(admin, Map.of("id", targetId)));
        c.put("POST /api/admin/users/{id}/password-reset", new Caller(admin, Map.of("id", targetId)));
        c.put("GET /api/admin/decisions", new Caller(admin, Map.of()));
        return c;
    }

    @Test
    void everyApiOperationInTheOpenApiDocumentHasAFuzzTarget() throws Exception {
        Set<String> documented = new TreeSet<>(operations().stream().map(Operation::key).toList());
        Set<String> covered = callers().keySet();
        assertThat(documented).as("/api operations in /v3/api-docs").isNotEmpty();
        assertThat(new TreeSet<>(documented.stream().filter(k -> !covered.contains(k)).toList()))
                .as("operations the fuzzer has no caller for: add them to callers()").isEmpty();
        assertThat(new TreeSet<>(covered.stream().filter(k -> !documented.contains(k)).toList()))
                .as("fuzz targets that are not in the OpenAPI document any more").isEmpty();
    }

    @Test
    void hostileInputIsRefusedCleanlyAndWritesNothing() throws Exception {
        Map<String, Caller> callers = callers();
        List<String> failures = new ArrayList<>();
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(SEED)); // jqwik's samples outside a property: seeded
        int sent = 0;
        Map<String, Map<Integer, Integer>> outcomes = new java.util.TreeMap<>();
        for (Operation operation : operations()) {
            Caller caller = callers.get(operation.key());
            assertThat(caller).as("caller for " + operation.key()).isNotNull();
            Iterator<Attack> attacks = attacks(operation, caller).sampleStream().limit(TRIES).iterator();
            while (attacks.hasNext()) {
                Attack attack = attacks.next();
                String failure = check(attack, caller);
                sent++;
                outcomes.computeIfAbsent(attack.kind(), k -> new java.util.TreeMap<>()).merge(lastStatus, 1, Integer::sum);
                if (failure != null) {
                    failures.add(operation.key() + ": " + failure + "\n    request: " + attack);
                }
            }
        }
        System.out.println("Hostile requests sent: " + sent + " (seed " + SEED + "); statuses per kind: " + outcomes);
        assertThat(sent).isGreaterThan(100);
        assertThat(failures).as("hostile requests that broke the API (seed " + SEED + ")").isEmpty();
    }

    // ---- sending and judging ----------------------------------------------------------------

    private String check(Attack attack, Caller caller) throws Exception {
        lastStatus = 0;
        Map<String, Object> before = jdbc.queryForMap(countSql);
        HttpResponse<String> response;
        try {
            response = send(attack, caller);
        } catch (IllegalArgumentException | java.io.IOException e) {
            if (e.getCause() instanceof NullPointerException || e instanceof IllegalArgumentException) {
                return null; // the HTTP client itself cannot encode this request (e.g. a lone surrogate): nothing to send
            }
            return "no complete answer: " + e;
        }
        int status = response.statusCode();
        lastStatus = status;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return "answered " + status + ": " + abbreviate(response.body());
        }
        if (attack.expectedStatus() != null && status != attack.expectedStatus()) {
            return "answered " + status + " instead of " + attack.expectedStatus() + ": " + abbreviate(response.body());
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                return "answered " + status + " with Content-Type '" + type + "', not a problem detail: "
                        + abbreviate(response.body());
            }
            JsonNode problem = json.readTree(response.body());
            if (problem.path("status").asInt() != status || problem.path("title").asText().isEmpty()) {
                return "problem detail without matching status/title: " + abbreviate(response.body());
            }
            if (status == 400 && !problem.path("detail").asText().isEmpty()
                    && response.body().contains("Exception")) {
                return "400 leaks an exception: " + abbreviate(response.body());
            }
            Map<String, Object> after = jdbc.queryForMap(countSql);
            if (!after.equals(before)) {
                return "refused with " + status + " but changed rows: " + diff(before, after);
            }
        }
        return null;
    }

    private HttpResponse<String> send(Attack attack, Caller caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attack.path()))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
        if (caller.login() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (caller.login() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        request.method(attack.method(), attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String diff(Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, count) -> {
            if (!count.equals(after.get(table))) {
                changed.add(table + " " + count + " -> " + after.get(table));
            }
        });
        return String.join(", ", changed);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }

    // ---- the OpenAPI document ---------------------------------------------------------------

    private JsonNode apiDocs;

    private List<Operation> operations() throws Exception {
        if (apiDocs == null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (users.staff(Role.ADMIN) + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            apiDocs = json.readTree(response.body());
        }
        List<Operation> operations = new ArrayList<>();
        apiDocs.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                        operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                    }
                });
            }
        });
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current != null && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = apiDocs.at(ref.substring(1));
        }
        if (current != null && current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0));
        }
        return current == null ? JsonNodeFactory.instance.objectNode() : current;
    }

    // ---- generators -------------------------------------------------------------------------

    /** Every kind of hostile request that fits the operation, generated by jqwik. */
    Arbitrary<Attack> attacks(Operation op, Caller caller) {
        List<Arbitrary<Attack>> kinds = new ArrayList<>();
        JsonNode content = op.spec().path("requestBody").path("content");
        List<JsonNode> pathParams = parameters(op, "path");
        List<JsonNode> queryParams = parameters(op, "query");
        Function<Map<String, String>, String> pathWith = overrides -> fill(op.path(), caller, overrides);
        if (content.has("application/json")) {
            JsonNode schema = resolve(content.get("application/json").get("schema"));
            Function<JsonNode, byte[]> bytes = node -> node.toString().getBytes(StandardCharsets.UTF_8);
            java.util.function.Supplier<JsonNode> base = () -> baseValue(schema, "body", 0);
            List<List<Object>> leaves = leaves(base.get(), schema);
            String path = pathWith.apply(Map.of());
            if (!leaves.isEmpty()) {
                Arbitrary<Integer> leaf = Arbitraries.integers().between(0, leaves.size() - 1);
                kinds.add(leaf.map(i -> {
                    JsonNode body = base.get();
                    remove(body, leaves.get(i));
                    return new Attack("missing-field", op.method(), path, "application/json", bytes.apply(body),
                            "without " + leaves.get(i), null);
                }));
                kinds.add(Combinators.combine(leaf, wrongJsonTypes()).as((i, value) -> {
                    JsonNode body = base.get();
                    replace(body, leaves.get(i), value);
                    return new Attack("wrong-type", op.method(), path, "application/json", bytes.apply(body),
                            leaves.get(i) + " = " + abbreviate(value.toString()), null);
                }));
                kinds.add(Combinators.combine(leaf, hostileStrings()).as((i, value) -> {
                    JsonNode body = base.get();
                    replace(body, leaves.get(i), JsonNodeFactory.instance.textNode(value));
                    return new Attack("hostile-string", op.method(), path, "application/json", bytes.apply(body),
                            leaves.get(i) + " (" + value.length() + " chars)", null);
                }));
                kinds.add(Combinators.combine(leaf, hostileNumbers()).as((i, value) -> {
                    JsonNode body = base.get();
                    replace(body, leaves.get(i), value);
                    return new Attack("hostile-number", op.method(), path, "application/json", bytes.apply(body),
                            leaves.get(i) + " = " + value, null);
                }));
                kinds.add(Combinators.combine(leaf, badDates()).as((i, value) -> {
                    JsonNode body = base.get();
                    replace(body, leaves.get(i), JsonNodeFactory.instance.textNode(value));
                    return new Attack("bad-date", op.method(), path, "application/json", bytes.apply(body),
                            leaves.get(i) + " = " + value, null);
                }));
            }
            kinds.add(Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30), wrongJsonTypes())
                    .as((name, value) -> {
                        JsonNode body = base.get();
                        if (body instanceof ObjectNode object) {
                            object.set("unexpected" + name, value);
                        }
                        return new Attack("extra-field", op.method(), path, "application/json", bytes.apply(body),
                                "unexpected" + name, body instanceof ObjectNode ? 400 : null);
                    }));
            kinds.add(malformedJson().map(raw -> new Attack("malformed-json", op.method(), path, "application/json",
                    raw.getBytes(StandardCharsets.UTF_8), "", 400)));
            kinds.add(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x", "application/octet-stream")
                    .map(type -> new Attack("wrong-content-type", op.method(), path, type, bytes.apply(base.get()),
                            "", 415)));
            if (!pathParams.isEmpty()) {
                kinds.add(Combinators.combine(Arbitraries.of(pathParams), badPathValues()).as((param, value) ->
                        new Attack("bad-path-value", op.method(), pathWith.apply(Map.of(param.get("name").asText(), value)),
                                "application/json", bytes.apply(base.get()), param.get("name").asText() + " = " + value, null)));
            }
        } else if (content.has("multipart/form-data")) {
            kinds.addAll(uploads(op, caller, queryParams, pathWith));
        } else {
            String path = pathWith.apply(Map.of());
            if (!pathParams.isEmpty()) {
                kinds.add(Combinators.combine(Arbitraries.of(pathParams), badPathValues()).as((param, value) ->
                        new Attack("bad-path-value", op.method(), pathWith.apply(Map.of(param.get("name").asText(), value)),
                                null, null, param.get("name").asText() + " = " + value, null)));
            }
            if (!queryParams.isEmpty()) {
                kinds.add(Combinators.combine(Arbitraries.of(queryParams), badQueryValues()).as((param, value) ->
                        new Attack("bad-query", op.method(), path + "?" + param.get("name").asText() + "="
                                + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8), null, null,
                                param.get("name").asText() + " = " + abbreviate(value), null)));
            }
            kinds.add(Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), badQueryValues())
                    .as((name, value) -> new Attack("unknown-query", op.method(), path + "?" + name + "="
                            + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8), null, null, name, null)));
            if ("GET".equals(op.method())) {
                kinds.add(malformedJson().map(raw -> new Attack("unexpected-body", op.method(), path, "application/json",
                        raw.getBytes(StandardCharsets.UTF_8), "", null)));
            }
        }
        assertThat(kinds).as("generators for " + op.key()).isNotEmpty();
        return Arbitraries.oneOf(kinds);
    }

    private List<Arbitrary<Attack>> uploads(Operation op, Caller caller, List<JsonNode> params,
                                             Function<Map<String, String>, String> pathWith) {
        JsonNode schema = resolve(op.spec().path("requestBody").path("content").path("multipart/form-data").path("schema"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode param : params) {
            fields.put(param.get("name").asText(), baseValue(resolve(param.path("schema")), param.get("name").asText(), 0)
                    .asText());
        }
        String filePart = null;
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode value = resolve(property.getValue());
            if ("binary".equals(value.path("format").asText())) {
                filePart = property.getKey();
            } else {
                fields.put(property.getKey(), baseValue(value, property.getKey(), 0).asText());
            }
        }
        assertThat(filePart).as("file part of " + op.key()).isNotNull();
        String file = filePart;
        boolean csv = op.path().endsWith(".csv");
        byte[] goodFile = csv ? "employee_number,score,hours_attended,assessed_on,instructor,practical_passed,notes\n"
                .getBytes(StandardCharsets.UTF_8) : Fixtures.PDF;
        String goodType = csv ? "text/csv" : "application/pdf";
        String path = pathWith.apply(Map.of());
        List<Arbitrary<Attack>> kinds = new ArrayList<>();
        kinds.add(Arbitraries.integers().between(OVERSIZED, OVERSIZED + 2 * 1024 * 1024).map(size -> {
            byte[] big = new byte[size];
            System.arraycopy(goodFile, 0, big, 0, goodFile.length);
            return multipart("oversized-upload", op, path, fields, file, "big." + (csv ? "csv" : "pdf"), goodType, big,
                    size + " bytes", 413);
        }));
        if (!csv) {
            kinds.add(Arbitraries.of(
                            new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0},
                            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                            "GIF89a....".getBytes(StandardCharsets.UTF_8),
                            "PK\u0003\u0004zipzip".getBytes(StandardCharsets.UTF_8))
                    .map(bytes -> multipart("wrongly-typed-upload", op, path, fields, file, "certificate.pdf",
                            "application/pdf", bytes, "not a PDF, PNG or JPEG", 415)));
        }
        kinds.add(Arbitraries.of("../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/etc/shadow",
                        "a/../../b.pdf", "evidence\u0000.pdf", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "😀".repeat(120) + ".pdf",
                        "x".repeat(1000) + ".pdf", "<script>alert(1)</script>.pdf", "con.pdf", "")
                .map(name -> multipart("path-traversal-name", op, path, fields, file, name, goodType, goodFile,
                        "file name " + abbreviate(name), null)));
        kinds.add(Arbitraries.of(List.copyOf(fields.keySet()).isEmpty() ? List.of(file) : List.copyOf(fields.keySet()))
                .map(missing -> {
                    Map<String, String> without = new LinkedHashMap<>(fields);
                    without.remove(missing);
                    return multipart("missing-part", op, path, without, missing.equals(file) ? null : file,
                            "e.pdf", goodType, goodFile, "without " + missing, null);
                }));
        if (!fields.isEmpty()) {
            Arbitrary<String> badValue = Arbitraries.oneOf(hostileStrings(), badDates(),
                    hostileNumbers().map(JsonNode::asText), Arbitraries.of("", " ", "null", "-1", "NaN", "1e999"));
            kinds.add(Combinators.combine(Arbitraries.of(List.copyOf(fields.keySet())), badValue).as((name, value) -> {
                Map<String, String> changed = new LinkedHashMap<>(fields);
                changed.put(name, value);
                return multipart("hostile-form-value", op, path, changed, file, "e.pdf", goodType, goodFile,
                        name + " = " + abbreviate(value), null);
            }));
        }
        kinds.add(Arbitraries.of("application/json", "text/plain", "application/x-www-form-urlencoded")
                .map(type -> new Attack("wrong-content-type", op.method(), path, type,
                        "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8), "", 415)));
        kinds.add(Arbitraries.of("--", "--x\r\n", "garbage", "--boundary\r\nContent-Disposition: form-data\r\n\r\n")
                .map(raw -> new Attack("malformed-multipart", op.method(), path, "multipart/form-data; boundary=boundary",
                        raw.getBytes(StandardCharsets.UTF_8), "", 400)));
        return kinds;
    }

    private static Attack multipart(String kind, Operation op, String path, Map<String, String> fields, String filePart,
                                    String fileName, String fileType, byte[] file, String detail, Integer expected) {
        String boundary = "fuzz" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        if (filePart != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\""
                    + fileName.replace("\"", "%22") + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Attack(kind, op.method(), path, "multipart/form-data; boundary=" + boundary, out.toByteArray(),
                detail, expected);
    }

    private static List<JsonNode> parameters(Operation op, String in) {
        List<JsonNode> params = new ArrayList<>();
        op.spec().path("parameters").forEach(p -> {
            if (in.equals(p.path("in").asText())) {
                params.add(p);
            }
        });
        return params;
    }

    private static String fill(String template, Caller caller, Map<String, String> overrides) {
        String path = template;
        for (Map.Entry<String, String> value : caller.pathValues().entrySet()) {
            String raw = overrides.getOrDefault(value.getKey(), value.getValue());
            path = path.replace("{" + value.getKey() + "}", overrides.containsKey(value.getKey()) ? raw
                    : UriUtils.encodePathSegment(raw, StandardCharsets.UTF_8));
        }
        return path;
    }

    /** A plausible value for a schema, so that one mutation at a time reaches the code behind validation. */
    private JsonNode baseValue(JsonNode schema, String name, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = f.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p -> {
                        JsonNode value = resolve(p.getValue());
                        if (!value.path("readOnly").asBoolean()) {
                            object.set(p.getKey(), baseValue(value, p.getKey(), depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array": {
                ArrayNode array = f.arrayNode();
                array.add(baseValue(schema.path("items"), name, depth + 1));
                return array;
            }
            case "integer":
            case "number":
                return f.numberNode(number(name, schema));
            case "boolean":
                return f.booleanNode(true);
            default:
                return f.textNode(text(name, schema.path("format").asText()));
        }
    }

    private long number(String name, JsonNode schema) {
        return switch (name) {
            case "officerId" -> fx.recruit.getId();
            case "cohortId" -> fx.cohortId;
            case "week", "weekFrom" -> 1;
            case "weekTo" -> 2;
            case "score", "panelScore", "passingScore" -> 70;
            case "capacity" -> 20;
            case "hours", "hoursAttended" -> 4;
            case "page" -> 0;
            case "size" -> 10;
            default -> schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1;
        };
    }

    private String text(String name, String format) {
        int n = SEQUENCE.incrementAndGet();
        if (format.equals("date")) {
            return name.startsWith("completed") || name.startsWith("assessed")
                    ? LocalDate.now().minusDays(1 + n % 20).toString() : LocalDate.now().plusDays(14).toString();
        }
        if (format.equals("date-time")) {
            return OffsetDateTime.now().plusDays(3).withNano(0).toString();
        }
        return switch (name) {
            case "email" -> "fuzz" + n + "@example.org";
            case "code" -> "FZ-" + n;
            case "moduleCode" -> "DE-ESCALATION";
            case "category" -> "ELECTIVE";
            case "phone" -> "206-555-0100";
            case "preferredLanguage" -> "en";
            case "district", "districtPreference" -> "North";
            case "supervisor" -> fx.supervisorA;
            case "currentPassword" -> "not-the-current-password";
            case "newPassword" -> "a-brand-new-password";
            case "employeeNumber" -> "NO-SUCH-" + n;
            case "hours" -> "4";
            case "completedOn" -> LocalDate.now().minusDays(1 + n % 20).toString();
            default -> "Fuzz " + name + " " + n;
        };
    }

    /** Paths (field names and array indexes) to every leaf of a body. */
    private static List<List<Object>> leaves(JsonNode body, JsonNode schema) {
        List<List<Object>> paths = new ArrayList<>();
        collect(body, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(JsonNode node, List<Object> at, List<List<Object>> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                List<Object> next = new ArrayList<>(at);
                next.add(e.getKey());
                collect(e.getValue(), next, paths);
            });
            if (!at.isEmpty()) {
                paths.add(at); // a nested object as a whole (null, a string, an array instead)
            }
        } else if (node.isArray()) {
            paths.add(at); // the array itself
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                collect(node.get(i), next, paths);
            }
        } else {
            paths.add(at);
        }
    }

    private static JsonNode parentOf(JsonNode body, List<Object> path) {
        JsonNode node = body;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static void remove(JsonNode body, List<Object> path) {
        JsonNode parent = parentOf(body, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array) {
            array.remove((Integer) last);
        }
    }

    private static void replace(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode parent = parentOf(body, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
    }

    // ---- hostile values ---------------------------------------------------------------------

    static Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(2_000, 300_000).map(n -> "A".repeat(n)),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withChars("😀👮🏽‍♀️𝕏\u200b\u202e\ufeff").ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60),
                Arbitraries.of("", " ", "\t\n", "\u0000", "\uD800", "null", "'; drop table cso.candidate; --",
                        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${7*7}", "#{7*7}",
                        "../../../../etc/passwd", "%00", "\\u0000", "Robert'); --", "A\u0000B"));
    }

    static Arbitrary<JsonNode> hostileNumbers() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Long.MIN_VALUE, -1).map(f::numberNode),
                Arbitraries.longs().between(Integer.MAX_VALUE, Long.MAX_VALUE).map(f::numberNode),
                Arbitraries.of(new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-1e400"),
                        new java.math.BigDecimal("0.000000000000000000001"), new java.math.BigDecimal("9".repeat(500)),
                        new java.math.BigDecimal("18446744073709551616"), new java.math.BigDecimal("4.5"),
                        new java.math.BigDecimal("-0.0"), new java.math.BigDecimal("1e-400"))
                        .map(f::numberNode),
                Arbitraries.of(0L, -1L, 2147483648L).map(f::numberNode),
                Arbitraries.doubles().between(-1e300, 1e300).map(f::numberNode));
    }

    static Arbitrary<String> badDates() {
        return Arbitraries.of("2024-13-45", "2024-02-30", "0000-00-00", "+999999999-12-31", "-999999999-01-01",
                "9999-12-31", "0001-01-01", "1900-01-01", "2100-01-01", "today", "", "2024-1-1", "31/12/2024",
                "2024-12-31T25:61:00Z", "2024-12-31T10:00:00+25:00", "99999-01-01", "2024-W01-1", "1e10");
    }

    static Arbitrary<JsonNode> wrongJsonTypes() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.of(f.nullNode(), f.booleanNode(false), f.textNode("not a number"), f.numberNode(42),
                        f.numberNode(3.14), f.arrayNode(), f.objectNode(), f.arrayNode().add(f.nullNode()),
                        f.objectNode().put("nested", "object"), f.arrayNode().add(1).add("two").add(f.objectNode()),
                        f.textNode("true"), f.textNode("")),
                hostileStrings().map(f::textNode));
    }

    static Arbitrary<String> malformedJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "null", "nul", "[]", "\"string\"", "42",
                        "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":undefined}", "\u0000\u0001\u0002",
                        "<xml/>", "{\"a\":\"\\uD800\"}", "{\"__proto__\":{\"admin\":true}}", "\uFEFF{}", "{} {}",
                        "{\"a\":1}garbage"),
                Arbitraries.integers().between(1_100, 20_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(1_100, 5_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(50).map(s -> "{" + s));
    }

    static Arbitrary<String> badPathValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "9223372036854775807", "9223372036854775808", "99999999999999999999",
                        "1.5", "1e3", "abc", "null", "%20", "..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%00",
                        "%F0%9F%98%80", "%3Cscript%3E", "DE-ESCALATION%3Bdrop", "A".repeat(300), "%C0%AE%C0%AE"),
                Arbitraries.longs().between(1_000_000_000L, Long.MAX_VALUE).map(String::valueOf));
    }

    static Arbitrary<String> badQueryValues() {
        return Arbitraries.oneOf(hostileStrings().filter(s -> s.length() < 1500), badDates(),
                Arbitraries.of("-1", "-2147483649", "99999999999999999999", "NaN", "abc", "", "0", "100000"));
    }
}
