package org.csotracker.hiring.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.HiringProcess;
import org.springframework.stereotype.Component;

/**
 * Runs as its own job (asyncBefore): creates the officer and CSO login. A failure is thrown so the
 * engine retries and, after the last retry, raises an incident; {@link Hiring#hire} is idempotent.
 */
@Component("hireCandidate")
class HireCandidate implements JavaDelegate {

    private final Hiring hiring;

    HireCandidate(Hiring hiring) {
        this.hiring = hiring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        hiring.hire((Long) execution.getVariable(HiringProcess.VAR_CANDIDATE_ID));
    }
}
