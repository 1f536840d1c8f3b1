package org.medops.settings;

import java.time.ZoneId;
import java.util.TreeSet;

import jakarta.validation.Valid;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 系统配置: the settings page. */
@Controller
class SettingsController {

    private final Settings settings;

    SettingsController(Settings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings")
    @CanReadSettings
    String form(Model model) {
        model.addAttribute("form", settings.current());
        model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        return "settings/form";
    }

    @PostMapping("/settings")
    @CanChangeSettings
    String save(@Valid @ModelAttribute("form") PlatformSettings form, BindingResult binding, Model model,
                Authentication who, RedirectAttributes redirect) {
        model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        if (binding.hasErrors()) {
            return "settings/form";
        }
        try {
            settings.update(form, who.getName());
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return "settings/form";
        }
        redirect.addFlashAttribute("notice", "settings.saved");
        return "redirect:/settings";
    }
}
