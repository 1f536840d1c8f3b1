package org.medops.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The login page and the person's own password: the forced change at first login lands here. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("form", new PasswordChange(null, null, null));
        model.addAttribute("forced", me.mustChangePassword());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") PasswordChange form,
                          BindingResult binding, Model model, HttpServletRequest request,
                          HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("forced", me.mustChangePassword());
        if (binding.hasErrors()) {
            return "account/password";
        }
        if (!form.newPassword().equals(form.confirmPassword())) {
            model.addAttribute("problem", ProblemException.invalid("password-mismatch"));
            return "account/password";
        }
        try {
            accounts.changeOwnPassword(me.username(), form.currentPassword(), form.newPassword());
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return "account/password";
        }
        Authentication updated = SignedIn.passwordChanged(SecurityContextHolder.getContext().getAuthentication());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "account.password.changed");
        return "redirect:/";
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                          @NotBlank @Size(max = 128) String newPassword,
                          @Size(max = 128) String confirmPassword) {
        PasswordChange {
            if (confirmPassword == null) {
                confirmPassword = newPassword;
            }
        }

        @Override
        public String toString() {
            return "PasswordChange[******]";
        }
    }
}
