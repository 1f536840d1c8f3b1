package org.medops.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The home page (系统首页) every signed-in user sees, and the page shown when access is refused. */
@Controller
class ConsolePages {

    /**
     * Those who may see traffic land on the live dashboard; developers in their portal; everyone else on
     * the welcome page.
     */
    @GetMapping("/")
    String home(org.springframework.security.core.Authentication who) {
        if (org.medops.identity.DeveloperAccounts.isDeveloper(who)) {
            return "redirect:/portal";
        }
        boolean traffic = who.getAuthorities().stream().anyMatch(a -> "traffic:read".equals(a.getAuthority()));
        return traffic ? "forward:/dashboard" : "home";
    }

    @RequestMapping("/denied")
    String denied() {
        return "denied";
    }
}
