package org.csotracker.certification;

/** Where a CSO's certification stands. */
public enum CertificationStatus {
    ACTIVE("Active"),
    /** Inside the reminder window before expiry, or past expiry but inside the grace period. */
    EXPIRING("Expiring"),
    /** Expired without the continuing education it needed. */
    LAPSED("Lapsed"),
    REVOKED("Revoked");

    private final String title;

    CertificationStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
