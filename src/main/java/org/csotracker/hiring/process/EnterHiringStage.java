package org.csotracker.hiring.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.HiringProcess;
import org.springframework.stereotype.Component;

/** On every HR user task: the candidate record now shows that stage (and its due date, if any). */
@Component("enterHiringStage")
class EnterHiringStage implements TaskListener {

    private final Hiring hiring;

    EnterHiringStage(Hiring hiring) {
        this.hiring = hiring;
    }

    @Override
    public void notify(DelegateTask task) {
        Long candidateId = (Long) task.getVariable(HiringProcess.VAR_CANDIDATE_ID);
        hiring.enterStage(candidateId, task.getTaskDefinitionKey(), due(task));
    }

    private static Instant due(DelegateTask task) {
        Object due = switch (task.getTaskDefinitionKey()) {
            case HiringProcess.TASK_RECORD_BACKGROUND_CHECK -> task.getVariable(HiringProcess.VAR_BACKGROUND_CHECK_DUE);
            case HiringProcess.TASK_AWAIT_OFFER_RESPONSE -> task.getVariable(HiringProcess.VAR_OFFER_DEADLINE);
            default -> null;
        };
        return due instanceof Date date ? date.toInstant() : null;
    }
}
