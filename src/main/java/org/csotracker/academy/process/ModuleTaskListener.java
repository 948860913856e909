package org.csotracker.academy.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyProcess;
import org.csotracker.academy.TrainingModule;
import org.springframework.stereotype.Component;

/**
 * Each module step names its module: the code as a task variable (so the API finds the step of
 * a module) and the title in the task name (so Tasklist and Cockpit read well).
 */
@Component("moduleTaskListener")
class ModuleTaskListener implements TaskListener {

    private final Academy academy;

    ModuleTaskListener(Academy academy) {
        this.academy = academy;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = (String) task.getVariable(AcademyProcess.VAR_MODULE_CODE);
        TrainingModule module = academy.module(code);
        task.setVariableLocal(AcademyProcess.VAR_MODULE_CODE, code);
        task.setName(task.getName() + ": " + module.getTitle());
    }
}
