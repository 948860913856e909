package org.csotracker.academy.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyProcess;
import org.springframework.stereotype.Component;

/** All modules passed and the cohort has ended: certification takes over. */
@Component("completeAcademy")
class CompleteAcademy implements JavaDelegate {

    private final Academy academy;

    CompleteAcademy(Academy academy) {
        this.academy = academy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        academy.complete((Long) execution.getVariable(AcademyProcess.VAR_RECRUIT_ID));
    }
}
