package org.csotracker.academy.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.csotracker.common.Text;
import org.csotracker.academy.Academy;
import org.csotracker.academy.ModuleDefinition;
import org.csotracker.academy.Requests;
import org.csotracker.academy.TrainingModule;
import org.csotracker.common.FormBinder;
import org.csotracker.common.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The module catalog: the current version of each module, an edit form per module (an edit adds a
 * version; results recorded before keep theirs) and a form to add a module.
 */
@Controller
class ModulePages {

    private static final String NEW = "new";

    private final Academy academy;
    private final FormBinder forms;
    private final Validator validator;

    ModulePages(Academy academy, FormBinder forms, Validator validator) {
        this.academy = academy;
        this.forms = forms;
        this.validator = validator;
    }

    @GetMapping("/academy/modules")
    String catalog(Model model) {
        return catalogPage(model, Map.of());
    }

    @PostMapping("/academy/modules")
    String define(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> values = checkboxes(form);
        String code = values.getOrDefault("code", "").strip().toUpperCase();
        values.put("code", code);
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validateProperty(new Requests.NewModule(code, null), "code")
                .forEach(v -> errors.put("code", v.getMessage()));
        FormBinder.Bound<ModuleDefinition> bound = bind(values, errors);
        if (errors.isEmpty()) {
            try {
                TrainingModule module = academy.defineModule(new Requests.NewModule(code, bound.value()));
                redirect.addFlashAttribute("saved", forms.say(Text.of("academy.saved.moduleAdded", module.getTitle(), module.getCode())));
                return "redirect:/academy/modules#module-" + module.getCode();
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        return catalogPage(model, Map.of(NEW, new FormState(values, errors)));
    }

    @PostMapping("/academy/modules/{code}")
    String revise(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> values = checkboxes(form);
        Map<String, String> errors = new LinkedHashMap<>();
        FormBinder.Bound<ModuleDefinition> bound = bind(values, errors);
        if (errors.isEmpty()) {
            try {
                TrainingModule module = academy.reviseModule(code, bound.value());
                redirect.addFlashAttribute("saved", forms.say(Text.of("academy.saved.moduleRevised", module.getTitle(),
                        module.getVersion())));
                return "redirect:/academy/modules#module-" + module.getCode();
            } catch (NotFoundException e) {
                throw e;
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        return catalogPage(model, Map.of(code, new FormState(values, errors)));
    }

    private FormBinder.Bound<ModuleDefinition> bind(Map<String, String> values, Map<String, String> errors) {
        FormBinder.Bound<ModuleDefinition> bound = forms.bind(values, ModuleDefinition.class);
        // the week range rule is about the pair: show it at "to"
        bound.errors().forEach((field, message) -> errors.put(field.equals("weekRangeValid") ? "weekTo" : field, message));
        return bound;
    }

    /** An unticked checkbox sends nothing: that means false. */
    private static Map<String, String> checkboxes(Map<String, String> form) {
        Map<String, String> values = new HashMap<>(form);
        for (String box : List.of("practicalRequired", "active")) {
            values.put(box, Boolean.toString("true".equals(values.get(box))));
        }
        return values;
    }

    private String catalogPage(Model model, Map<String, FormState> failed) {
        List<TrainingModule> modules = academy.currentModules();
        Map<String, FormState> states = new HashMap<>();
        for (TrainingModule m : modules) {
            Map<String, String> values = new HashMap<>();
            values.put("title", m.getTitle());
            values.put("description", m.getDescription());
            values.put("hours", Integer.toString(m.getHours()));
            values.put("weekFrom", Integer.toString(m.getWeekFrom()));
            values.put("weekTo", Integer.toString(m.getWeekTo()));
            values.put("passingScore", Integer.toString(m.getPassingScore()));
            values.put("practicalRequired", Boolean.toString(m.isPracticalRequired()));
            values.put("active", Boolean.toString(m.isActive()));
            states.put(m.getCode(), FormState.of(values));
        }
        states.put(NEW, FormState.of(Map.of("active", "true", "practicalRequired", "false", "weekFrom", "1",
                "weekTo", "1", "passingScore", "70")));
        states.putAll(failed);
        model.addAttribute("modules", modules);
        model.addAttribute("forms", states);
        model.addAttribute("failed", failed.keySet().stream().findFirst().orElse(null));
        return "academy/modules";
    }
}
