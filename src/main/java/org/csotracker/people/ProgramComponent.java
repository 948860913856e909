package org.csotracker.people;

/** The three components of a CSO program (Seattle's model). */
public enum ProgramComponent {
    COMMUNITY_ENGAGEMENT("Community Engagement & Education"),
    SYSTEM_NAVIGATOR("System Navigators"),
    YOUTH_SERVICES("Youth Services & Diversion");

    private final String title;

    ProgramComponent(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
