package org.csotracker.hiring;

/** Why a candidate was not hired: the reason codes HR picks from. */
public enum RejectionReason {
    MINIMUM_QUALIFICATIONS_NOT_MET("Minimum qualifications not met"),
    INCOMPLETE_APPLICATION("Incomplete application"),
    STRONGER_CANDIDATES("Stronger candidates for the open positions"),
    BACKGROUND_CHECK_NOT_CLEAR("Background check not clear"),
    INTERVIEW_NOT_RECOMMENDED("Not recommended by the interview panel"),
    UNION_OBJECTION("Union objection upheld"),
    POSITION_FILLED("Position filled or hiring paused"),
    OTHER("Other");

    private final String title;

    RejectionReason(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
