package org.csotracker.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Default deny, proven: every route the app maps is in the rule table of {@code docs/security.md},
 * and every row of that table holds for anonymous callers and for each role.
 */
@CsoTrackerTest
class AccessMatrixTests {

    private static final List<String> COLUMNS = List.of("anonymous", "CSO", "HR", "COORDINATOR", "SUPERVISOR", "ADMIN");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Row(HttpMethod method, String path, Map<String, Boolean> allowed) {
        String key() {
            return method.name() + " " + path;
        }
    }

    @Test
    void everyMappedRouteIsInTheRuleTable() throws IOException {
        Set<String> documented = new TreeSet<>(rows().stream().map(Row::key).toList());
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry
                : mappings.getHandlerMethods().entrySet()) {
            if (entry.getValue().getBeanType().getName().startsWith("org.springdoc")) {
                continue; // covered by the /v3/api-docs and /swagger-ui rows
            }
            RequestMappingInfo info = entry.getKey();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    if (!documented.contains(method + " " + pattern)) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(missing).as("routes missing from docs/security.md").isEmpty();
    }

    @Test
    void everyRuleHoldsForAnonymousAndEachRole() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Row row : rows()) {
            for (String column : COLUMNS) {
                int status = call(row, column);
                boolean allowed = row.allowed().get(column);
                boolean refused = column.equals("anonymous") ? status == 401 || status == 302 : status == 403;
                boolean passed = allowed ? status != 401 && status != 403 && status != 302 : refused;
                if (!passed) {
                    failures.add(row.key() + " as " + column + " gave " + status + ", expected "
                            + (allowed ? "allowed" : "refused"));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private int call(Row row, String column) throws Exception {
        String path = row.path().replaceAll("\\{[^}]+}", "0");
        MockHttpServletRequestBuilder request = request(row.method(), path).with(csrf())
                .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML);
        if (row.method() == HttpMethod.POST || row.method() == HttpMethod.PUT) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (!column.equals("anonymous")) {
            request.with(users.as(Role.valueOf(column)));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() == 302 && !String.valueOf(response.getRedirectedUrl()).contains("/login")) {
            return 200; // a redirect elsewhere (e.g. after a form) is an allowed request
        }
        return response.getStatus();
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/security.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 9 || !cells[1].trim().matches("GET|POST|PUT|PATCH|DELETE")) {
                continue;
            }
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                allowed.put(COLUMNS.get(i), cells[3 + i].trim().equals("✓"));
            }
            rows.add(new Row(HttpMethod.valueOf(cells[1].trim()), cells[2].trim().replace("`", ""), allowed));
        }
        assertThat(rows).as("rule table rows in docs/security.md").isNotEmpty();
        return rows;
    }
}
