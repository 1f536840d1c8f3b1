package org.medops.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The home page (系统首页) every signed-in user sees, and the page shown when access is refused. */
@Controller
class ConsolePages {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @RequestMapping("/denied")
    String denied() {
        return "denied";
    }
}
