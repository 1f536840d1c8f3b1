package org.medops.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.shared.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 账户安全: the person's own second factor. The enrolment's secret, otpauth URI and recovery codes are rendered
 * in the answer to the enrolment's POST only, never again.
 */
@Controller
class SecurityPageController {

    private final TwoFactor twoFactor;
    private final Users users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecurityPageController(TwoFactor twoFactor, Users users) {
        this.twoFactor = twoFactor;
        this.users = users;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping(EnrolmentRequiredFilter.SECURITY_PAGE)
    String page(@AuthenticationPrincipal CurrentUser me, Model model) {
        status(me, model);
        return "account/security";
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping(EnrolmentRequiredFilter.SECURITY_PAGE + "/totp")
    String begin(@AuthenticationPrincipal CurrentUser me, Model model) {
        try {
            TwoFactor.Enrolment enrolment = twoFactor.begin(me);
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("qr", QrImage.of(enrolment.otpauthUri()));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
        }
        status(me, model);
        return "account/security";
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping(EnrolmentRequiredFilter.SECURITY_PAGE + "/totp/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser me, @RequestParam(name = "code", required = false) String code,
                   Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            twoFactor.confirm(me, code == null ? "" : code.trim());
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("pendingConfirmation", true);
            status(me, model);
            return "account/security";
        }
        // Confirmed with a code from the app: a session that could only enrol now gets the account's permissions.
        if (EnrolmentRequiredFilter.enrolOnly(SecurityContextHolder.getContext().getAuthentication())) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(SignedIn.authentication(me, users.permissionsOf(me.username())));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        redirect.addFlashAttribute("notice", "account.security.enabled");
        return "redirect:" + EnrolmentRequiredFilter.SECURITY_PAGE;
    }

    private void status(CurrentUser me, Model model) {
        model.addAttribute("enrolled", twoFactor.enrolled(me.id()));
        model.addAttribute("mustEnrol", EnrolmentRequiredFilter.enrolOnly(SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("recoveryLeft", twoFactor.unusedRecoveryCodes(me.id()));
    }
}
