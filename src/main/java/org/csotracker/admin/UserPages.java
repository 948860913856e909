package org.csotracker.admin;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.Text;
import org.csotracker.people.NewLogin;
import org.csotracker.people.Role;
import org.csotracker.people.UserAdministration;
import org.csotracker.people.UserSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Logins and roles for administrators: list and search, create, change roles, disable, reset password. */
@Controller
class UserPages {

    private final UserAdministration users;
    private final Validator validator;
    private final MessageSource messages;

    UserPages(UserAdministration users, Validator validator, MessageSource messages) {
        this.users = users;
        this.validator = validator;
        this.messages = messages;
    }

    /** A text of messages.properties in the language of the page. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("users", users.search(q, PageRequest.of(Math.max(0, page), 25)));
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("checked", Set.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("allRoles", Role.values());
        return "admin/new-user";
    }

    @PostMapping("/admin/users/new")
    ModelAndView create(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> roles,
                        RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> chosen = roles(roles, errors);
        Long officerId = null;
        String officer = form.getOrDefault("officerId", "").strip();
        if (!officer.isEmpty()) {
            try {
                officerId = Long.valueOf(officer);
            } catch (NumberFormatException e) {
                errors.put("officerId", text("admin.error.number"));
            }
        }
        NewLogin login = new NewLogin(form.getOrDefault("username", "").strip(), form.getOrDefault("displayName", "").strip(),
                form.getOrDefault("email", "").strip(), chosen, officerId);
        validator.validate(login).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (errors.isEmpty()) {
            try {
                UserSummary created = users.create(login);
                redirect.addFlashAttribute("message", text("admin.user.created.message", created.username(), created.email()));
                return new ModelAndView("redirect:/admin/users/" + created.id());
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message().in(messages)));
            } catch (ConflictException e) {
                errors.put("form", e.text().in(messages));
            }
        }
        ModelAndView page = new ModelAndView("admin/new-user", errors.containsKey("form") && errors.size() == 1
                ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
        page.addObject("form", form);
        page.addObject("checked", chosen.stream().map(Role::name).toList());
        page.addObject("errors", errors);
        page.addObject("allRoles", Role.values());
        return page;
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable Long id, Model model) {
        model.addAttribute("user", users.get(id));
        model.addAttribute("allRoles", Role.values());
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}/roles")
    ModelAndView roles(@PathVariable Long id, @RequestParam(required = false) List<String> roles,
                       @RequestParam long version, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> chosen = roles(roles, errors);
        if (!errors.isEmpty()) {
            return problem(id, HttpStatus.BAD_REQUEST, text("admin.error.roles", errors.get("roles")));
        }
        return change(id, redirect, text("admin.user.rolesSaved"), () -> users.changeRoles(id, chosen, version));
    }

    @PostMapping("/admin/users/{id}/status")
    ModelAndView status(@PathVariable Long id, @RequestParam boolean enabled, @RequestParam long version,
                        RedirectAttributes redirect) {
        return change(id, redirect, text(enabled ? "admin.user.enabled" : "admin.user.disabled"),
                () -> users.setEnabled(id, enabled, version));
    }

    @PostMapping("/admin/users/{id}/password-reset")
    ModelAndView resetPassword(@PathVariable Long id, @RequestParam long version, RedirectAttributes redirect) {
        return change(id, redirect, text("admin.user.resetSent"),
                () -> users.resetPassword(id, version));
    }

    private ModelAndView change(Long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
        } catch (ConflictException e) {
            return problem(id, HttpStatus.CONFLICT, e.text().in(messages));
        } catch (InvalidInputException e) {
            return problem(id, HttpStatus.BAD_REQUEST, Text.of("problem.field", e.errors().get(0).field(),
                    e.errors().get(0).message()).in(messages));
        }
        redirect.addFlashAttribute("message", done);
        return new ModelAndView("redirect:/admin/users/" + id);
    }

    /** The user's page again, as it is now, with what went wrong. */
    private ModelAndView problem(Long id, HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("admin/user", status);
        page.addObject("user", users.get(id));
        page.addObject("allRoles", Role.values());
        page.addObject("problem", message);
        return page;
    }

    private Set<Role> roles(List<String> names, Map<String, String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.put("roles", text("admin.error.unknownRole"));
            }
        }
        if (roles.isEmpty() && !errors.containsKey("roles")) {
            errors.put("roles", text("admin.error.noRole"));
        }
        return roles;
    }
}
