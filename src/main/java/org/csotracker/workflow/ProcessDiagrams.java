package org.csotracker.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.csotracker.common.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The deployed BPMN of a process, and where an instance of it stands. */
@Controller
@Hidden
public class ProcessDiagrams {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;

    ProcessDiagrams(RepositoryService repository, RuntimeService runtime, HistoryService history) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
    }

    /** The BPMN XML of the latest deployed version, for the diagram viewer. */
    @GetMapping(value = "/diagrams/{processKey}.bpmn")
    ResponseEntity<String> diagram(@PathVariable String processKey) throws IOException {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (definition == null) {
            throw NotFoundException.of("Process", processKey);
        }
        try (InputStream xml = repository.getProcessModel(definition.getId())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                    .body(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Active and finished steps of an instance (running or ended). */
    public ProcessProgress progress(String processKey, String processInstanceId) {
        if (processInstanceId == null) {
            return new ProcessProgress(processKey, null, List.of(), List.of());
        }
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        List<String> active = running ? runtime.getActiveActivityIds(processInstanceId) : List.of();
        List<String> done = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .finished().list().stream().map(HistoricActivityInstance::getActivityId).distinct().toList();
        return new ProcessProgress(processKey, processInstanceId, active, done);
    }
}
