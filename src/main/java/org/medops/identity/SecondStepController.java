package org.medops.identity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.medops.settings.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console sign-in's second step: after the right password of an account with a second factor, the session
 * remembers who it was for a few minutes and this page asks for the authenticator's code (or a recovery code).
 */
@Controller
class SecondStepController {

    static final String PAGE = "/login/totp";
    private static final String PENDING = SecondStepController.class.getName() + ".pending";
    private static final Duration VALID = Duration.ofMinutes(5);

    private final PasswordLogin login;
    private final Settings settings;
    private final Duration superuser;
    private final java.time.Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondStepController(PasswordLogin login, Settings settings,
                         @Value("${medops.identity.superuser-session-timeout:15m}") Duration superuser,
                         java.time.Clock clock) {
        this.clock = clock;
        this.login = login;
        this.settings = settings;
        this.superuser = superuser;
    }

    private record Pending(String username, String loginPage, Instant at) implements Serializable {
    }

    static void remember(HttpServletRequest request, String username, String loginPage, Instant at) {
        request.getSession().setAttribute(PENDING, new Pending(username, loginPage, at));
    }

    /** Anyone may see the form; it does nothing without a password step moments before in the same session. */
    @PreAuthorize("permitAll()")
    @GetMapping(PAGE)
    String form(HttpServletRequest request, Model model) {
        Pending pending = pending(request);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        return "login-totp";
    }

    @PreAuthorize("permitAll()")
    @PostMapping(PAGE)
    String verify(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Pending pending = pending(request);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        LoginResult result = login.secondStep(pending.username(), code == null ? "" : code.trim(), "login");
        if (!(result instanceof LoginResult.Success success)) {
            model.addAttribute("failed", true);
            return "login-totp";
        }
        HttpSession session = request.getSession();
        session.removeAttribute(PENDING);
        request.changeSessionId(); // the signed-in session is not the one the password step started
        Authentication authentication = SignedIn.authentication(success.user(), success.permissions());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        session.setMaxInactiveInterval((int) SecurityConfiguration.sessionTimeout(settings, superuser, authentication)
                .toSeconds());
        if (success.user().mustChangePassword()) {
            return "redirect:" + PasswordChangeRequiredFilter.CHANGE_PAGE;
        }
        boolean developer = DeveloperAccounts.isDeveloper(authentication);
        return "redirect:" + (developer ? "/portal" : "/");
    }

    private Pending pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return null;
        }
        if (pending.at().plus(VALID).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return null;
        }
        return pending;
    }
}
