package org.csotracker.hiring.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.HiringProcess;
import org.springframework.stereotype.Component;

/** The background check's SLA passed: flag the case and tell the HR supervisor. */
@Component("escalateOverdueBackgroundCheck")
class EscalateOverdueBackgroundCheck implements JavaDelegate {

    private final Hiring hiring;

    EscalateOverdueBackgroundCheck(Hiring hiring) {
        this.hiring = hiring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        hiring.escalateOverdueBackgroundCheck((Long) execution.getVariable(HiringProcess.VAR_CANDIDATE_ID));
    }
}
