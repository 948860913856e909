package org.csotracker.people;

/** Which in-app notifications a user also receives by e-mail. */
public enum NotificationMail {
    ALL("Every notification"),
    /** The default: certification reminders and deadlines only. */
    REMINDERS("Reminders only"),
    NONE("None");

    private final String title;

    NotificationMail(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
