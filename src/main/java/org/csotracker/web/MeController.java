package org.csotracker.web;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.security.CsoUser;
import org.csotracker.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account. */
@RestController
class MeController {

    private final People people;

    MeController(People people) {
        this.people = people;
    }

    record Me(String username, String displayName, Set<Role> roles, Long officerId) {
    }

    record PasswordChange(@NotBlank String currentPassword,
                          @NotBlank @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[currentPassword=(hidden), newPassword=(hidden)]"; // handler arguments are logged at TRACE
        }
    }

    record MailChoice(@jakarta.validation.constraints.NotNull org.csotracker.people.NotificationMail notificationMail) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user, their roles and (for a CSO) their officer id")
    Me me() {
        CsoUser user = CurrentUser.require();
        return new Me(user.getUsername(), user.getDisplayName(), user.getRoles(), user.getOfficerId());
    }

    @PutMapping("/api/me/password")
    @Operation(summary = "Change your own password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        people.changePassword(CurrentUser.require().getUsername(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/me/notification-mail")
    @Operation(summary = "Choose which of your notifications are also e-mailed: ALL, REMINDERS (default) or NONE")
    ResponseEntity<Void> notificationMail(@Valid @RequestBody MailChoice choice) {
        people.setNotificationMail(CurrentUser.require().getUsername(), choice.notificationMail());
        return ResponseEntity.noContent().build();
    }
}
