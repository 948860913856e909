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
        java.util.Locale locale = notifications.localeOf(overdue.escalatedTo());
        notifications.remindUser(overdue.escalatedTo(),
                notifications.message("notify.overdue.title", locale, overdue.candidateName()),
                notifications.message("notify.overdue.body", locale, String.valueOf(overdue.dueAt())),
                "/hiring/candidates/" + overdue.candidateId(), "background-check-overdue:" + overdue.candidateId());
    }
}
