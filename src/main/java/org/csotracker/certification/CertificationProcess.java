package org.csotracker.certification;

/** Names shared by {@code processes/certification.bpmn} and the code. */
public final class CertificationProcess {

    public static final String KEY = "CertificationProcess";

    public static final String MESSAGE_REVOKED = "CertificationRevoked";
    public static final String MESSAGE_CE_COMPLETED = "ContinuingEducationCompleted";

    public static final String VAR_CERTIFICATION_ID = "certificationId";
    public static final String VAR_PERIOD_END = "periodEnd";
    public static final String VAR_GRACE_END = "graceEnd";
    public static final String VAR_REMINDERS = "reminders";
    public static final String VAR_REMINDER = "reminder";
    public static final String VAR_CE_MET = "ceMet";

    private CertificationProcess() {
    }
}
