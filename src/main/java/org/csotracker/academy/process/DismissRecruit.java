package org.csotracker.academy.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyProcess;
import org.springframework.stereotype.Component;

/** A module was failed twice: the recruit leaves the academy. */
@Component("dismissRecruit")
class DismissRecruit implements JavaDelegate {

    private final Academy academy;

    DismissRecruit(Academy academy) {
        this.academy = academy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        academy.dismiss((Long) execution.getVariable(AcademyProcess.VAR_RECRUIT_ID));
    }
}
