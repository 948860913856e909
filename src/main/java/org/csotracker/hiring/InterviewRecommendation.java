package org.csotracker.hiring;

/** The interview panel's recommendation. */
public enum InterviewRecommendation {
    STRONGLY_RECOMMEND("Strongly recommend"),
    RECOMMEND("Recommend"),
    DO_NOT_RECOMMEND("Do not recommend");

    private final String title;

    InterviewRecommendation(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean recommends() {
        return this != DO_NOT_RECOMMEND;
    }
}
