package org.csotracker.web;

import org.csotracker.people.NotificationMail;
import org.csotracker.people.People;
import org.csotracker.security.CsoUser;
import org.csotracker.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user's own account: who they are and which notifications they also get by e-mail. */
@Controller
class SettingsPages {

    private final People people;

    private final org.springframework.context.MessageSource messages;

    SettingsPages(People people, org.springframework.context.MessageSource messages) {
        this.people = people;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(Model model) {
        CsoUser user = CurrentUser.require();
        var preference = people.mailPreference(user.getUsername()).orElseThrow();
        model.addAttribute("email", preference.email());
        model.addAttribute("notificationMail", preference.notificationMail());
        model.addAttribute("choices", NotificationMail.values());
        return "account/settings";
    }

    @PostMapping("/account/notifications")
    String saveMail(@RequestParam(required = false) String notificationMail, RedirectAttributes redirect, Model model,
                    jakarta.servlet.http.HttpServletResponse response) {
        NotificationMail choice = parse(notificationMail);
        if (choice == null) {
            response.setStatus(400);
            model.addAttribute("problem", text("account.problem"));
            return account(model);
        }
        people.setNotificationMail(CurrentUser.require().getUsername(), choice);
        redirect.addFlashAttribute("message", text("account.saved." + choice.name()));
        return "redirect:/account";
    }

    private String text(String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static NotificationMail parse(String value) {
        try {
            return value == null ? null : NotificationMail.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
