package org.csotracker.hiring.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.csotracker.common.FormBinder;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Candidate;
import org.csotracker.hiring.Education;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.HiringSettings;
import org.csotracker.hiring.HiringStage;
import org.csotracker.hiring.NewApplication;
import org.csotracker.hiring.Steps;
import org.csotracker.security.RequestThrottle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages for the public: the application form, and the candidate's answer to an offer. */
@Controller
class PublicHiringPages {

    /** A field people never see; bots fill it in. */
    static final String HONEYPOT = "website";

    private final Hiring hiring;
    private final FormBinder forms;
    private final RequestThrottle throttle;
    private final HiringSettings settings;
    private final DepartmentSettings department;

    PublicHiringPages(Hiring hiring, FormBinder forms, RequestThrottle throttle, HiringSettings settings,
                      DepartmentSettings department) {
        this.hiring = hiring;
        this.forms = forms;
        this.throttle = throttle;
        this.settings = settings;
        this.department = department;
    }

    @GetMapping("/apply")
    String form(Model model) {
        // the language of the page is the first guess for the language of our mails
        return form(model, Map.of("preferredLanguage", LocaleContextHolder.getLocale().getLanguage()), Map.of());
    }

    @PostMapping("/apply")
    String apply(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        if (!form.getOrDefault(HONEYPOT, "").isBlank()) {
            return "redirect:/apply/thanks"; // looks like success to a bot, stores nothing
        }
        Map<String, String> errors = new HashMap<>();
        try {
            throttle.check("apply", request.getRemoteAddr(), settings.anonymousApplicationsPerHour(), Duration.ofHours(1));
            FormBinder.Bound<NewApplication> bound = forms.bind(form, NewApplication.class);
            errors.putAll(bound.errors());
            if (bound.valid()) {
                hiring.apply(bound.value().withDefaultLanguage(LocaleContextHolder.getLocale().getLanguage()), ApplicationSource.WEB);
                return "redirect:/apply/thanks";
            }
        } catch (RuntimeException e) {
            forms.addTo(errors, e);
        }
        return form(model, form, errors);
    }

    @GetMapping("/apply/thanks")
    String thanks(Model model) {
        model.addAttribute("department", department);
        return "apply/thanks";
    }

    private String form(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("educations", Education.values());
        model.addAttribute("districts", department.districts());
        model.addAttribute("department", department);
        return "apply/form";
    }

    @GetMapping("/offers/{token}")
    String offer(@PathVariable String token, Model model) {
        Candidate candidate = hiring.findByOfferToken(token)
                .orElseThrow(() -> new org.csotracker.common.NotFoundException(org.csotracker.common.Text.of("problem.offerLinkUnknown")));
        model.addAttribute("c", candidate);
        model.addAttribute("open", candidate.getStage() == HiringStage.OFFER_EXTENDED);
        model.addAttribute("department", department);
        return "apply/offer";
    }

    @PostMapping("/offers/{token}")
    String answer(@PathVariable String token, @RequestParam boolean accepted, Model model) {
        hiring.respondToOffer(token, new Steps.OfferResponse(accepted, "Answered by the candidate online"));
        return "redirect:/offers/" + token;
    }
}
