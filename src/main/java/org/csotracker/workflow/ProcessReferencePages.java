package org.csotracker.workflow;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.csotracker.common.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The deployed processes and their diagrams, for staff who want to see how a case moves. */
@Controller
class ProcessReferencePages {

    private final RepositoryService repository;

    ProcessReferencePages(RepositoryService repository) {
        this.repository = repository;
    }

    record ProcessView(String key, String name, int version) {
    }

    @GetMapping("/processes")
    String list(Model model) {
        List<ProcessView> processes = repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list().stream()
                .map(d -> new ProcessView(d.getKey(), d.getName(), d.getVersion())).toList();
        model.addAttribute("processes", processes);
        return "workflow/processes";
    }

    @GetMapping("/processes/{key}")
    String diagram(@PathVariable String key, Model model) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw NotFoundException.of("Process", key);
        }
        model.addAttribute("process", new ProcessView(definition.getKey(), definition.getName(), definition.getVersion()));
        return "workflow/process";
    }
}
