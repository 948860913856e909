package org.csotracker.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what each role does first. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
