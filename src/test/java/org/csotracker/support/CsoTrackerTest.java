package org.csotracker.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on a fresh embedded PostgreSQL, with MockMvc. Every test class using it shares one
 * Spring context (and one database), so tests create their own data with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// its own engine name: Camunda keeps engines in a JVM-wide registry by name, and the real-port
// context (CsoTrackerServerTest) needs "default" for the REST API and Cockpit
@SpringBootTest(properties = "camunda.bpm.process-engine-name=mockmvc")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestUsers.class, StatementCounter.class})
public @interface CsoTrackerTest {
}
