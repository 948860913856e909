package org.csotracker;

import java.nio.file.Path;
import java.util.Set;

import org.csotracker.people.NewUser;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The app as a department runs it: embedded database in a data directory, demo data, restarts. */
class AppRestartTests {

    @TempDir
    Path dataDirectory;

    @Test
    void restartKeepsEveryRecordAndSeedsDemoDataOnlyOnce() {
        long usersBefore;
        long runningBefore;
        try (ConfigurableApplicationContext app = start()) {
            People people = app.getBean(People.class);
            assertThat(people.findLogin("cso")).hasValueSatisfying(login -> {
                assertThat(login.roles()).containsExactly(Role.CSO);
                assertThat(login.officerId()).isNotNull();
            });
            TestUsers.asSystem(() -> app.getBean(TransactionTemplate.class).executeWithoutResult(tx ->
                    people.createUser(new NewUser("made-before-restart", "a-long-password", "Before Restart",
                            null, Set.of(Role.HR), null))));
            usersBefore = count(app, "select count(*) from cso.user_account");
            runningBefore = runningHiringProcesses(app);
            assertThat(runningBefore).as("the demo pipeline has running hiring processes").isPositive();
        }
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(People.class).findLogin("made-before-restart")).isPresent();
            assertThat(count(app, "select count(*) from cso.user_account")).isEqualTo(usersBefore);
            assertThat(runningHiringProcesses(app)).isEqualTo(runningBefore);
        }
    }

    private ConfigurableApplicationContext start() {
        // Camunda keeps engines in a static registry by name, and its web apps keep static runtime
        // delegates: started and closed under the defaults, this app would take both away from the
        // test contexts that share this JVM (their engine REST API would find no engine, Cockpit 500).
        return new SpringApplicationBuilder(Application.class).profiles("test").run(
                "--server.port=0",
                "--camunda.bpm.process-engine-name=restartTest",
                "--camunda.bpm.webapp.enabled=false",
                "--csotracker.demo=auto",
                "--csotracker.embedded-database.ephemeral=false",
                "--csotracker.embedded-database.data-directory=" + dataDirectory);
    }

    private static long runningHiringProcesses(ConfigurableApplicationContext app) {
        return app.getBean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("HiringProcess").count();
    }

    private static long count(ConfigurableApplicationContext app, String sql) {
        return app.getBean(JdbcTemplate.class).queryForObject(sql, Long.class);
    }
}
