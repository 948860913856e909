package org.csotracker.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.csotracker.common.FormBinder;
import org.csotracker.common.NotFoundException;
import org.csotracker.people.People;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A new CSO chooses their password through the one-time link HR gave them. */
@Controller
class AccountPages {

    private final People people;
    private final FormBinder forms;
    private final MessageSource messages;

    AccountPages(People people, FormBinder forms, MessageSource messages) {
        this.messages = messages;
        this.people = people;
        this.forms = forms;
    }

    record Activation(@NotBlank @Size(min = 10, max = 200, message = "{csotracker.validation.password}") String password,
                      @NotBlank String confirmation) {
        @Override
        public String toString() {
            return "Activation[password=(hidden), confirmation=(hidden)]";
        }
    }

    @GetMapping("/activate/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        model.addAttribute("form", Map.of());
        return "account/activate";
    }

    @PostMapping("/activate/{token}")
    String activate(@PathVariable String token, HttpServletRequest request, Model model) {
        // read from the request, not bound as a handler argument: arguments are logged at TRACE, passwords never are
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        FormBinder.Bound<Activation> bound = forms.bind(form, Activation.class);
        Map<String, String> errors = new HashMap<>(bound.errors());
        if (bound.valid() && !bound.value().password().equals(bound.value().confirmation())) {
            errors.put("confirmation", messages.getMessage("activate.mismatch", null, LocaleContextHolder.getLocale()));
        }
        if (errors.isEmpty()) {
            try {
                people.activate(token, bound.value().password());
                return "redirect:/login?activated";
            } catch (NotFoundException e) {
                errors.put("form", messages.getMessage("activate.unknown", null, LocaleContextHolder.getLocale()));
            }
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        model.addAttribute("form", Map.of());
        return "account/activate";
    }
}
