package org.csotracker.hiring;

/** Names shared by {@code processes/hiring.bpmn} and the code: keys, variables, messages. */
public final class HiringProcess {

    public static final String KEY = "HiringProcess";

    public static final String TASK_SCREEN_APPLICATION = "Task_ScreenApplication";
    public static final String TASK_RECORD_BACKGROUND_CHECK = "Task_RecordBackgroundCheck";
    public static final String TASK_RECORD_INTERVIEW = "Task_RecordInterview";
    public static final String TASK_RECORD_UNION_VETTING = "Task_RecordUnionVetting";
    public static final String TASK_DECIDE_ON_UNION_OBJECTION = "Task_DecideOnUnionObjection";
    public static final String TASK_EXTEND_OFFER = "Task_ExtendOffer";
    public static final String TASK_AWAIT_OFFER_RESPONSE = "Task_AwaitOfferResponse";
    public static final String TASK_HIRE_CANDIDATE = "Task_HireCandidate";

    public static final String MESSAGE_WITHDREW = "CandidateWithdrew";

    public static final String VAR_CANDIDATE_ID = "candidateId";
    public static final String VAR_AGE_ELIGIBLE = "ageEligible";
    public static final String VAR_WORK_AUTHORIZED = "workAuthorized";
    public static final String VAR_EDUCATION = "education";
    public static final String VAR_COMMUNITY_YEARS = "communityEngagementYears";
    public static final String VAR_LANGUAGE_COUNT = "languageCount";
    public static final String VAR_CRISIS_YEARS = "crisisExperienceYears";
    public static final String VAR_MINIMUM_QUALIFICATIONS = "minimumQualifications";
    public static final String VAR_DESIRED_SCORE = "desiredScore";
    public static final String VAR_SCREENING_PASSED = "screeningPassed";
    public static final String VAR_BACKGROUND_CHECK_DUE = "backgroundCheckDue";
    public static final String VAR_BACKGROUND_CLEAR = "backgroundClear";
    public static final String VAR_INTERVIEW_RECOMMENDED = "interviewRecommended";
    public static final String VAR_UNION_APPROVED = "unionApproved";
    public static final String VAR_OBJECTION_DECISION = "objectionDecision";
    public static final String VAR_OFFER_DEADLINE = "offerDeadline";
    public static final String VAR_OFFER_ACCEPTED = "offerAccepted";

    private HiringProcess() {
    }
}
