package org.medops.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medops.shared.Workbench;
import org.medops.shared.WorkbenchCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The home page (系统首页) every signed-in user sees, and the page shown when access is refused. */
@Controller
class ConsolePages {

    /** A group of workbench numbers under one heading (a message key). */
    record Section(String title, List<WorkbenchCard> cards) {
    }

    private final List<Workbench> workbenches;

    ConsolePages(List<Workbench> workbenches) {
        this.workbenches = workbenches;
    }

    /**
     * Whoever has work waiting in some module (engineers, the service manager, the hospital's reviewers) lands on
     * their workbench; developers in their portal; others who may see traffic (administrators) on the live
     * dashboard as before; everyone else on the welcome page.
     */
    @GetMapping("/")
    String home(Authentication who, Model model) {
        if (org.medops.identity.DeveloperAccounts.isDeveloper(who)) {
            return "redirect:/portal";
        }
        List<Section> sections = sections(who);
        if (sections.isEmpty()) {
            boolean traffic = who.getAuthorities().stream().anyMatch(a -> "traffic:read".equals(a.getAuthority()));
            if (traffic) {
                return "forward:/dashboard";
            }
        }
        model.addAttribute("sections", sections);
        return "home";
    }

    /** The workbench numbers of the signed-in user, grouped as the home page shows them. */
    @GetMapping("/api/v1/workbench")
    @org.springframework.web.bind.annotation.ResponseBody
    @org.springframework.security.access.prepost.PreAuthorize("isAuthenticated()")
    List<Section> workbench(Authentication who) {
        return sections(who);
    }

    private List<Section> sections(Authentication who) {
        Map<String, List<WorkbenchCard>> grouped = new LinkedHashMap<>();
        for (Workbench workbench : workbenches) {
            for (WorkbenchCard card : workbench.cardsFor(who)) {
                grouped.computeIfAbsent(card.section(), s -> new java.util.ArrayList<>()).add(card);
            }
        }
        return grouped.entrySet().stream().map(e -> new Section(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    @RequestMapping("/denied")
    String denied() {
        return "denied";
    }
}
