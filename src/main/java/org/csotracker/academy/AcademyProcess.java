package org.csotracker.academy;

/** Names shared by {@code processes/academy.bpmn} and the code. */
public final class AcademyProcess {

    public static final String KEY = "AcademyProcess";

    public static final String TASK_RECORD_RESULT = "Task_RecordModuleResult";
    public static final String TASK_PLAN_REMEDIATION = "Task_PlanRemediation";
    public static final String TASK_RECORD_RETAKE = "Task_RecordRetakeResult";

    public static final String MESSAGE_WITHDREW = "RecruitWithdrew";
    public static final String MESSAGE_MOVED = "RecruitMoved";
    public static final String ERROR_FAILED_TWICE = "ModuleFailedTwice";

    public static final String VAR_OFFICER_ID = "officerId";
    public static final String VAR_RECRUIT_ID = "recruitId";
    public static final String VAR_MODULES = "modules";
    public static final String VAR_MODULE_CODE = "moduleCode";
    public static final String VAR_MODULE_TITLE = "moduleTitle";
    public static final String VAR_COHORT_END = "cohortEnd";
    public static final String VAR_PASSED = "passed";
    public static final String VAR_RETAKE_PASSED = "retakePassed";

    private AcademyProcess() {
    }
}
