package org.csotracker.web;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.csotracker.people.People;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a page is written in: the signed-in user's account setting, else the visitor's
 * cookie, else the browser's Accept-Language, else English. The account setting is read once per
 * session (and again after a change), not on every request.
 */
@Component("localeResolver")
class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "csotracker-language";
    private static final String SESSION_KEY = LanguageResolver.class.getName() + ".account";
    private static final Locale DEFAULT = Locale.ENGLISH;
    private static final List<Locale> SUPPORTED = People.LANGUAGES.stream().map(Locale::forLanguageTag).toList();

    /** The language of one login, remembered in its session. */
    record AccountLanguage(String username, String language) implements Serializable {
    }

    private final People people;

    LanguageResolver(People people) {
        this.people = people;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return signedInUser().flatMap(user -> accountLanguage(request, user))
                .or(() -> cookieLanguage(request))
                .map(Locale::forLanguageTag)
                .orElseGet(() -> browserLanguage(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = supported(locale == null ? null : locale.getLanguage()).orElse(DEFAULT.getLanguage());
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        signedInUser().ifPresent(user -> request.getSession().setAttribute(SESSION_KEY, new AccountLanguage(user, language)));
    }

    private Optional<String> accountLanguage(HttpServletRequest request, String user) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof AccountLanguage remembered
                && remembered.username().equals(user)) {
            return Optional.of(remembered.language());
        }
        Optional<String> language = people.languageOf(user).flatMap(LanguageResolver::supported);
        if (session != null) {
            language.ifPresent(l -> session.setAttribute(SESSION_KEY, new AccountLanguage(user, l)));
        }
        return language;
    }

    private static Optional<String> cookieLanguage(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Locale browserLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? DEFAULT : best;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    static Optional<String> supported(String language) {
        return Optional.ofNullable(language).filter(People.LANGUAGES::contains);
    }

    private static Optional<String> signedInUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }
}
