package org.csotracker.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;

/**
 * Baseline (a): the bare Camunda engine running the same hiring BPMN through its Java API, with
 * no HTTP, no security and no domain code (listeners and delegates do nothing), on its own
 * database in the same PostgreSQL server.
 */
final class BareEngine implements AutoCloseable {

    private final ProcessEngine engine;

    BareEngine(String jdbcUrl) throws Exception {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(jdbcUrl).setJdbcUsername("postgres").setJdbcPassword("").setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT).setJobExecutorActivate(false)
                .setProcessEngineName("bare");
        config.setJdbcMaxActiveConnections(20);
        Map<Object, Object> beans = new HashMap<>();
        TaskListener nothing = task -> { };
        JavaDelegate noop = execution -> { };
        beans.put("enterHiringStage", nothing);
        beans.put("escalateOverdueBackgroundCheck", noop);
        beans.put("rescindExpiredOffer", noop);
        beans.put("hireCandidate", noop);
        config.setBeans(beans);
        config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._@-]+");
        engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bare")
                .addString("hiring.bpmn", Files.readString(Path.of("processes/hiring.bpmn")))
                .addString("hiring-qualifications.dmn", Files.readString(Path.of("processes/hiring-qualifications.dmn")))
                .enableDuplicateFiltering(true).deploy();
    }

    /** The same seven steps a candidate takes through the API: start, then six user tasks. */
    void oneCandidate(long key) {
        Map<String, Object> start = new HashMap<>();
        start.put("candidateId", key);
        start.put("ageEligible", true);
        start.put("workAuthorized", true);
        start.put("education", "ASSOCIATE");
        start.put("communityEngagementYears", 4);
        start.put("languageCount", 2);
        start.put("crisisExperienceYears", 2);
        String instance = engine.getRuntimeService().startProcessInstanceByKey("HiringProcess", String.valueOf(key), start).getId();
        Date later = new Date(System.currentTimeMillis() + 7L * 24 * 3600 * 1000);
        complete(instance, "Task_ScreenApplication", Map.of("screeningPassed", true, "backgroundCheckDue", later));
        complete(instance, "Task_RecordBackgroundCheck", Map.of("backgroundClear", true));
        complete(instance, "Task_RecordInterview", Map.of("interviewRecommended", true));
        complete(instance, "Task_RecordUnionVetting", Map.of("unionApproved", true));
        complete(instance, "Task_ExtendOffer", Map.of("offerDeadline", later));
        complete(instance, "Task_AwaitOfferResponse", Map.of("offerAccepted", true));
    }

    private void complete(String instance, String key, Map<String, Object> variables) {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
        tasks.complete(task.getId(), variables);
    }

    @Override
    public void close() {
        engine.close();
    }
}
