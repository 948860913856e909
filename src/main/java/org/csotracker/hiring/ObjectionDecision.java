package org.csotracker.hiring;

/** What HR decides after the union objects to a hire. */
public enum ObjectionDecision {
    /** Go ahead with the offer despite the objection (the note says why). */
    PROCEED,
    /** Address the objection and send the case back to the union. */
    REVET,
    /** Uphold the objection: the candidate is rejected. */
    REJECT
}
