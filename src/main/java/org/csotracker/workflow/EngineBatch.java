package org.csotracker.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs many engine calls as one engine command. Each service call (complete a task, set a variable)
 * normally opens and flushes its own command; inside one command they share the engine's cache and
 * its writes are flushed together at the end, as JDBC batches. The command joins the caller's
 * transaction, so a failure anywhere still rolls everything back.
 */
@Component
public class EngineBatch {

    private final ProcessEngineConfigurationImpl configuration;

    EngineBatch(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    public <T> T run(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }
}
