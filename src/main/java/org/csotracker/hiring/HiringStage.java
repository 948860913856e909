package org.csotracker.hiring;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a candidate stands. Open stages match the user tasks of {@code HiringProcess}; closed
 * stages match its end events.
 */
public enum HiringStage {
    SCREENING("Screening", HiringProcess.TASK_SCREEN_APPLICATION, "screening"),
    BACKGROUND_CHECK("Background check", HiringProcess.TASK_RECORD_BACKGROUND_CHECK, "background-check"),
    INTERVIEW("Interview", HiringProcess.TASK_RECORD_INTERVIEW, "interview"),
    UNION_VETTING("Union vetting", HiringProcess.TASK_RECORD_UNION_VETTING, "union-vetting"),
    UNION_OBJECTION("Union objection", HiringProcess.TASK_DECIDE_ON_UNION_OBJECTION, "union-objection"),
    OFFER("Offer to extend", HiringProcess.TASK_EXTEND_OFFER, "offer"),
    OFFER_EXTENDED("Offer extended", HiringProcess.TASK_AWAIT_OFFER_RESPONSE, "offer-response"),
    HIRING("Being hired", null, null),
    HIRED("Hired", null, null),
    REJECTED("Rejected", null, null),
    WITHDRAWN("Withdrawn", null, null),
    OFFER_DECLINED("Offer declined", null, null),
    OFFER_EXPIRED("Offer expired", null, null);

    /** The pipeline a candidate moves through, in order (the funnel and board columns). */
    public static final List<HiringStage> PIPELINE = List.of(SCREENING, BACKGROUND_CHECK, INTERVIEW, UNION_VETTING,
            OFFER, OFFER_EXTENDED, HIRED);

    private final String title;
    private final String taskKey;
    private final String step;

    HiringStage(String title, String taskKey, String step) {
        this.title = title;
        this.taskKey = taskKey;
        this.step = step;
    }

    public String title() {
        return title;
    }

    /** The BPMN user task that is open in this stage, null when no HR step is open. */
    public String taskKey() {
        return taskKey;
    }

    /** The API step name ({@code POST /api/candidates/{id}/<step>}) that completes this stage. */
    public String step() {
        return step;
    }

    public boolean isClosed() {
        return this == HIRED || this == REJECTED || this == WITHDRAWN || this == OFFER_DECLINED || this == OFFER_EXPIRED;
    }

    public static Optional<HiringStage> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(s -> taskKey.equals(s.taskKey)).findFirst();
    }
}
