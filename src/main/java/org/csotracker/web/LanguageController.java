package org.csotracker.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.csotracker.people.People;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in the page header: saved on the account when signed in, in a cookie always. */
@Controller
class LanguageController {

    private final People people;
    private final LocaleResolver locales;

    LanguageController(People people, LocaleResolver locales) {
        this.people = people;
        this.locales = locales;
    }

    @PostMapping("/language")
    String change(@RequestParam String language, @RequestParam(required = false) String returnTo,
                  Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        String chosen = LanguageResolver.supported(language).orElse(People.LANGUAGES.get(0));
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            people.changeLanguage(authentication.getName(), chosen);
        }
        locales.setLocale(request, response, Locale.forLanguageTag(chosen));
        return "redirect:" + safeReturn(returnTo);
    }

    /** Only a path inside the app: never another site (an open redirect). */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.contains("\r") || returnTo.contains("\n") || returnTo.startsWith("/language")) {
            return "/";
        }
        return returnTo;
    }
}
