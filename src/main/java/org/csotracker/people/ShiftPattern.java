package org.csotracker.people;

/** Staggered shifts for weekend and evening coverage. */
public enum ShiftPattern {
    MON_FRI_DAY("Mon-Fri 10:30-19:00"),
    MON_FRI_LATE("Mon-Fri 12:00-20:30"),
    TUE_SAT_DAY("Tue-Sat 10:30-19:00"),
    TUE_SAT_LATE("Tue-Sat 12:00-20:30");

    private final String title;

    ShiftPattern(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
