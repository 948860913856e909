package org.csotracker.hiring;

/** Highest completed education. A high school diploma (or equivalent) is the minimum. */
public enum Education {
    NONE("No diploma"),
    HIGH_SCHOOL("High school diploma or GED"),
    SOME_COLLEGE("Some college"),
    ASSOCIATE("Associate degree"),
    BACHELOR("Bachelor's degree"),
    GRADUATE("Graduate degree");

    private final String title;

    Education(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
