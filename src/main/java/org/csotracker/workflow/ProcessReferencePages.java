package org.csotracker.workflow;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.csotracker.common.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The deployed processes and their diagrams, for staff who want to see how a case moves. */
@Controller
class ProcessReferencePages {

    private final RepositoryService repository;
    private final MessageSource messages;

    ProcessReferencePages(RepositoryService repository, MessageSource messages) {
        this.repository = repository;
        this.messages = messages;
    }

    record ProcessView(String key, String name, int version) {
    }

    @GetMapping("/processes")
    String list(Model model) {
        List<ProcessView> processes = repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list().stream()
                .map(this::view).toList();
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
        model.addAttribute("process", view(definition));
        return "workflow/process";
    }

    /** The process under its name in the reader's language ({@code process.<key>}), else its BPMN name. */
    private ProcessView view(ProcessDefinition definition) {
        String name = messages.getMessage("process." + definition.getKey(), null, definition.getName(),
                LocaleContextHolder.getLocale());
        return new ProcessView(definition.getKey(), name, definition.getVersion());
    }
}
