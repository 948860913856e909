package org.csotracker.reports;

import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A CSO's calendar link: created or reset here, shown once (only its hash is stored), pasted into
 * a calendar app as a subscription.
 */
@Controller
class CalendarPages {

    private final FeedTokens tokens;
    private final DepartmentSettings department;

    CalendarPages(FeedTokens tokens, DepartmentSettings department) {
        this.tokens = tokens;
        this.department = department;
    }

    @GetMapping("/me/calendar")
    String page(Model model) {
        Long officerId = officerId();
        model.addAttribute("createdAt", tokens.createdAt(officerId).orElse(null));
        return "reports/calendar";
    }

    @PostMapping("/me/calendar")
    String reset(RedirectAttributes redirect) {
        String token = tokens.reset(officerId());
        redirect.addFlashAttribute("feedUrl", department.publicBaseUrl().replaceAll("/+$", "") + "/calendar/" + token + ".ics");
        return "redirect:/me/calendar";
    }

    private static Long officerId() {
        Long officerId = CurrentUser.require().getOfficerId();
        if (officerId == null) {
            throw new NotFoundException(Text.of("problem.noCalendar"));
        }
        return officerId;
    }
}
