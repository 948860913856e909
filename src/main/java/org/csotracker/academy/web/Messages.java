package org.csotracker.academy.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.csotracker.academy.AcademyReports;
import org.csotracker.academy.Requests;

/** The words the academy pages use for outcomes, grid cells and validation messages. */
final class Messages {

    private Messages() {
    }

    /** "must not be null" reads as "is required" next to a form field. */
    static Map<String, String> friendly(Map<String, String> errors) {
        Map<String, String> friendly = new LinkedHashMap<>();
        errors.forEach((field, message) -> friendly.put(field,
                message.equals("must not be null") || message.equals("must not be blank") ? "is required" : message));
        return friendly;
    }

    /** What a bulk entry did, e.g. "De-escalation: 28 results recorded (26 passed, 2 failed)." */
    static String outcome(String module, Requests.BulkOutcome outcome) {
        StringBuilder text = new StringBuilder(module).append(": ");
        if (outcome.recorded() == 0) {
            text.append("nothing new, ").append(count(outcome.unchanged(), "row")).append(" already recorded");
        } else {
            text.append(count(outcome.recorded(), "result")).append(" recorded");
            if (outcome.unchanged() > 0) {
                text.append(", ").append(count(outcome.unchanged(), "row")).append(" already recorded");
            }
        }
        return text.append(" (").append(outcome.passed()).append(" passed, ").append(outcome.failed()).append(" failed).")
                .toString();
    }

    /** A grid cell in words (never colour alone), e.g. "Passed · 92". */
    static String cell(AcademyReports.Cell cell) {
        return cell.state().title() + (cell.score() == null ? "" : " · " + cell.score());
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
