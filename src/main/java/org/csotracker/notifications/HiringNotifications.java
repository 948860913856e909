package org.csotracker.notifications;

import org.csotracker.hiring.BackgroundCheckOverdue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hiring gates that ran late: the HR supervisor they were escalated to hears of it, once per case. */
@Component
class HiringNotifications {

    private final Notifications notifications;

    HiringNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    public void onBackgroundCheckOverdue(BackgroundCheckOverdue overdue) {
        notifications.remindUser(overdue.escalatedTo(), "Background check overdue: " + overdue.candidateName(),
                "The background check was due " + overdue.dueAt() + " and has been escalated to you.",
                "/hiring/candidates/" + overdue.candidateId(), "background-check-overdue:" + overdue.candidateId());
    }
}
