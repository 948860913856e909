package org.csotracker.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import java.io.InputStream;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.csotracker.people.ProgramComponent;
import org.springframework.stereotype.Component;

/**
 * Reads the policy from {@code processes/certification-rules.dmn}: nothing here is hard-coded.
 * The latest deployed version of each table is evaluated by the DMN engine directly: these are
 * look-ups done on every status page, so they write no decision history, work inside read-only
 * transactions, and a newly deployed table takes effect within a minute.
 */
@Component
public class CertificationRules {

    private final RepositoryService repository;
    private final DmnEngine dmn;
    private final Cache<String, DmnDecision> latest = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    CertificationRules(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    private DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        DmnDecision decision = latest.get(key, k -> {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(k)
                    .latestVersion().singleResult();
            try (InputStream model = repository.getDecisionModel(definition.getId())) {
                return dmn.parseDecision(k, model);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return dmn.evaluateDecision(decision, variables);
    }

    /** Continuing education a period requires, per category. */
    public record Requirement(String category, String title, int hours) {
    }

    /** A reminder sent {@code daysBefore} the period ends, to the CSO and maybe their supervisor. */
    public record Reminder(int daysBefore, boolean notifySupervisor) {
    }

    public Certification.Period period(LocalDate start, String kind) {
        DmnDecisionResult result = evaluate("CertificationPeriod", Map.of("kind", kind));
        int months = ((Number) result.getSingleResult().getEntry("periodMonths")).intValue();
        int grace = ((Number) result.getSingleResult().getEntry("graceDays")).intValue();
        LocalDate end = start.plusMonths(months);
        return new Certification.Period(start, end, end.plusDays(grace));
    }

    public List<Requirement> requirements(ProgramComponent component) {
        return evaluate("ContinuingEducationRequirement", Map.of("programComponent", component.name())).getResultList().stream()
                .map(row -> new Requirement((String) row.get("category"), (String) row.get("title"),
                        ((Number) row.get("hours")).intValue()))
                .toList();
    }

    public List<Reminder> reminders(String kind) {
        return evaluate("ReminderSchedule", Map.of("kind", kind)).getResultList().stream()
                .map(row -> new Reminder(((Number) row.get("daysBefore")).intValue(),
                        Boolean.TRUE.equals(row.get("notifySupervisor"))))
                .toList();
    }
}
