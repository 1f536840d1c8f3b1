package org.medops.integration.targets;

import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据库目标: the list of registered JDBC targets, the form (the password field is write-only) and the connection test. */
@Controller
@RequestMapping("/integration/targets")
class TargetsController {

    private final JdbcTargets targets;

    TargetsController(JdbcTargets targets) {
        this.targets = targets;
    }

    @GetMapping
    @CanReadIntegration
    String list(@RequestParam(required = false) String edit, Model model) {
        model.addAttribute("targets", targets.all());
        model.addAttribute("form", edit == null ? new Form("", "", "", "") : Form.of(targets.view(edit)));
        return "integration/targets";
    }

    @PostMapping
    @CanEditIntegrationChannels
    String save(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String user,
                @RequestParam(defaultValue = "") String password, Authentication who, Model model,
                RedirectAttributes redirect) {
        try {
            // An empty password field keeps the stored one: the form never shows it.
            targets.save(code.strip(), new JdbcTargets.NewTarget(name, url, user, password.isEmpty() ? null : password),
                    who.getName());
            redirect.addFlashAttribute("notice", "integration.targets.saved");
            return "redirect:/integration/targets";
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("targets", targets.all());
            model.addAttribute("form", new Form(code, name, url, user));
            return "integration/targets";
        }
    }

    @PostMapping("/{code}/test")
    @CanOperateIntegration
    String test(@PathVariable String code, Authentication who, RedirectAttributes redirect) {
        try {
            JdbcTargets.Tested tested = targets.test(code, who.getName());
            redirect.addFlashAttribute("tested", tested);
            redirect.addFlashAttribute("testedCode", code);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/integration/targets";
    }

    @PostMapping("/{code}/delete")
    @CanEditIntegrationChannels
    String delete(@PathVariable String code, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "integration.targets.deleted", () -> targets.delete(code, who.getName()));
        return "redirect:/integration/targets";
    }

    record Form(String code, String name, String url, String user) {

        static Form of(JdbcTarget.TargetView view) {
            return new Form(view.code(), view.name(), view.url(), view.user() == null ? "" : view.user());
        }
    }
}
