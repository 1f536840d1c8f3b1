package org.medops.portal.registration;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The portal's own door: its login page and the registration form, both open to anyone. */
@Controller
class PortalLoginController {

    private final Registrations registrations;
    private final Validator validator;
    private final org.medops.shared.FieldMessages fieldMessages;

    PortalLoginController(Registrations registrations, Validator validator, org.medops.shared.FieldMessages fieldMessages) {
        this.fieldMessages = fieldMessages;
        this.registrations = registrations;
        this.validator = validator;
    }

    /** A developer who is signed in already goes straight to the portal. */
    @GetMapping("/portal/login")
    String login(org.springframework.security.core.Authentication who) {
        return org.medops.identity.DeveloperAccounts.isDeveloper(who) ? "redirect:/portal" : "developer/login";
    }

    @GetMapping("/portal/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.blank());
        return "developer/register";
    }

    @PostMapping("/portal/register")
    String register(@ModelAttribute("form") RegistrationForm form, Model model, RedirectAttributes redirect,
                    jakarta.servlet.http.HttpServletRequest request) {
        Set<ConstraintViolation<RegistrationForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            model.addAttribute("violations", fieldMessages.of(violations));
            model.addAttribute("form", form.withoutPasswords());
            return "developer/register";
        }
        try {
            registrations.register(form, request.getRemoteAddr());
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("form", form.withoutPasswords());
            return "developer/register";
        }
        redirect.addFlashAttribute("registered", form.username().trim().toLowerCase());
        return "redirect:/portal/login";
    }
}
