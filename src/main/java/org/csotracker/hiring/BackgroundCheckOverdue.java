package org.csotracker.hiring;

import java.time.Instant;

/** A candidate's background check passed its SLA and was escalated to the HR supervisor. */
public record BackgroundCheckOverdue(Long candidateId, String candidateName, Instant dueAt, String escalatedTo) {
}
