package org.csotracker.workflow;

import java.util.List;

/**
 * Where a process instance is, for drawing it on its BPMN diagram: the steps that are active now
 * and those already done.
 */
public record ProcessProgress(String processKey, String processInstanceId, List<String> active, List<String> done) {

    public String activeCsv() {
        return String.join(",", active);
    }

    public String doneCsv() {
        return String.join(",", done);
    }
}
