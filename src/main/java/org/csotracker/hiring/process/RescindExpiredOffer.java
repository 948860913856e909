package org.csotracker.hiring.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.HiringProcess;
import org.springframework.stereotype.Component;

/** The offer deadline passed without an answer: the offer is rescinded. */
@Component("rescindExpiredOffer")
class RescindExpiredOffer implements JavaDelegate {

    private final Hiring hiring;

    RescindExpiredOffer(Hiring hiring) {
        this.hiring = hiring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        hiring.rescindExpiredOffer((Long) execution.getVariable(HiringProcess.VAR_CANDIDATE_ID));
    }
}
