package org.csotracker.notifications;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Each user's own notifications; nobody can see or mark another user's. */
@Controller
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    record NotificationView(Long id, String title, String body, String link, Instant createdAt, boolean read) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getTitle(), n.getBody(), n.getLink(), n.getCreatedAt(), n.isRead());
        }
    }

    @GetMapping("/notifications")
    String list(Principal user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("notifications", notifications.of(user.getName(), PageRequest.of(Math.max(0, page), 30)));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(Principal user, @PathVariable Long id) {
        notifications.markRead(user.getName(), id);
        return "redirect:/notifications";
    }

    @GetMapping("/api/me/notifications")
    @ResponseBody
    @Operation(summary = "Your newest notifications (50)")
    List<NotificationView> api(Principal user) {
        return notifications.of(user.getName(), PageRequest.of(0, 50)).map(NotificationView::of).getContent();
    }
}
