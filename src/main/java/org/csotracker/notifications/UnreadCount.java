package org.csotracker.notifications;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows how many unread notifications its user has (the badge in the navigation). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class UnreadCount {

    private final Notifications notifications;

    UnreadCount(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    long unread(Principal user) {
        return user == null ? 0 : notifications.unread(user.getName());
    }
}
