package org.csotracker.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The administrator's home and the read-only decision tables. */
@Controller
class AdminPages {

    private final DecisionTables decisions;

    AdminPages(DecisionTables decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/admin")
    String home() {
        return "admin/home";
    }

    @GetMapping("/admin/rules")
    String rules(Model model) {
        model.addAttribute("tables", decisions.deployed());
        return "admin/rules";
    }

    @GetMapping("/api/admin/decisions")
    @ResponseBody
    @Operation(summary = "The deployed decision tables (hiring qualifications, certification rules), read-only (ADMIN)")
    java.util.List<DecisionTables.Table> decisions() {
        return decisions.deployed();
    }
}
