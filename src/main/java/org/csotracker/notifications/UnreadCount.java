package org.csotracker.notifications;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows how many unread notifications its user has (the badge in the navigation). */
// every handler is a @Controller: an annotation filter here selected nothing less, yet cost an annotation
// scan of the handler's class on every request
@ControllerAdvice
class UnreadCount {

    private final Notifications notifications;

    UnreadCount(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Only pages show the badge: the JSON API (a REST controller is a controller too) skips the query. */
    @ModelAttribute("unreadNotifications")
    Long unread(Principal user, HttpServletRequest request) {
        if (user == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return notifications.unread(user.getName());
    }
}
