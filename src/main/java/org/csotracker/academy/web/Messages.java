package org.csotracker.academy.web;

import org.csotracker.academy.Requests;
import org.csotracker.common.Text;

/** The words the academy pages use for the outcome of a bulk entry. */
final class Messages {

    private Messages() {
    }

    /**
     * What a bulk entry did, e.g. "De-escalation: 28 results recorded (26 passed, 2 failed)."; {@code module} is
     * the module's title, or a Text naming it with the file it came from.
     */
    static Text outcome(Object module, Requests.BulkOutcome outcome) {
        if (outcome.recorded() == 0) {
            return Text.of("academy.outcome.nothingNew", module, outcome.unchanged(), outcome.passed(), outcome.failed());
        }
        return outcome.unchanged() == 0
                ? Text.of("academy.outcome.recorded", module, outcome.recorded(), outcome.passed(), outcome.failed())
                : Text.of("academy.outcome.recordedAndUnchanged", module, outcome.recorded(), outcome.passed(),
                        outcome.failed(), outcome.unchanged());
    }
}
