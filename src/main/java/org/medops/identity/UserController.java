package org.medops.identity;

import java.util.Set;

import jakarta.validation.Valid;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户管理: list, create, and change accounts. */
@Controller
class UserController {

    private final Users users;
    private final Accounts accounts;
    private final RoleCatalog roles;
    private final AccountRequestDesk requests;
    private final java.time.Clock clock;

    UserController(Users users, Accounts accounts, RoleCatalog roles, AccountRequestDesk requests,
                   java.time.Clock clock) {
        this.users = users;
        this.requests = requests;
        this.accounts = accounts;
        this.roles = roles;
        this.clock = clock;
    }

    @GetMapping("/users")
    @CanReadUsers
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("pendingRequests",
                requests.list(AccountRequest.Status.PENDING, PageRequest.of(0, 20)).getContent());
        model.addAttribute("q", q);
        org.springframework.data.domain.Page<User> found = users.list(q, PageRequest.of(Math.max(page, 0), 20));
        model.addAttribute("page", found);
        model.addAttribute("superusers", found.getContent().stream().map(User::username).filter(users::superuser)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("now", clock.instant());
        return "users/list";
    }

    @GetMapping("/users/new")
    @CanManageUsers
    String newForm(Model model) {
        model.addAttribute("form", new NewUser("", "", "", "", Set.of()));
        model.addAttribute("roles", roles.all());
        return "users/new";
    }

    @PostMapping("/users")
    @CanManageUsers
    String create(@Valid @ModelAttribute("form") NewUser form, BindingResult binding, Model model,
                  @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        model.addAttribute("roles", roles.all());
        if (binding.hasErrors()) {
            return "users/new";
        }
        try {
            Accounts.AccountChange change = accounts.create(form, me.username());
            if (change.isProposed()) {
                return proposed(change, redirect);
            }
            redirect.addFlashAttribute("temporaryPassword", change.temporaryPassword());
            redirect.addFlashAttribute("notice", "users.created");
            return "redirect:/users/" + change.username();
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return "users/new";
        }
    }

    @GetMapping("/users/{username}")
    @CanReadUsers
    String detail(@PathVariable String username, Model model) {
        User user = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("user", username));
        model.addAttribute("user", user);
        model.addAttribute("locked", user.isLocked(clock.instant()));
        model.addAttribute("roles", roles.all());
        return "users/detail";
    }

    @PostMapping("/users/{username}/roles")
    @CanManageUsers
    String assignRoles(@PathVariable String username, @RequestParam(name = "roles", required = false) Set<String> selected,
                       @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        return attempt(username, redirect, "users.roles.saved",
                () -> accounts.assignRoles(username, selected == null ? Set.of() : selected, me.username()));
    }

    @PostMapping("/users/{username}/enable")
    @CanManageUsers
    String enable(@PathVariable String username, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        return attempt(username, redirect, "users.enabled", () -> accounts.setEnabled(username, true, me.username()));
    }

    @PostMapping("/users/{username}/disable")
    @CanManageUsers
    String disable(@PathVariable String username, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        return attempt(username, redirect, "users.disabled", () -> accounts.setEnabled(username, false, me.username()));
    }

    @PostMapping("/users/{username}/unlock")
    @CanUnlockUsers
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "users.unlocked", () -> accounts.unlock(username));
        return "redirect:/users/" + User.normalize(username);
    }

    @PostMapping("/users/{username}/reset-password")
    @CanManageUsers
    String resetPassword(@PathVariable String username, @AuthenticationPrincipal CurrentUser me,
                         RedirectAttributes redirect) {
        return attempt(username, redirect, "users.password.reset", () -> {
            Accounts.AccountChange change = accounts.resetPassword(username, me.username());
            if (!change.isProposed()) {
                redirect.addFlashAttribute("temporaryPassword", change.temporaryPassword());
            }
            return change;
        });
    }

    /** Done: back to the account with {@code notice}; proposed: to the request, with the proposer's password half. */
    private static String attempt(String username, RedirectAttributes redirect, String notice,
                                  java.util.function.Supplier<Accounts.AccountChange> action) {
        try {
            Accounts.AccountChange change = action.get();
            if (change.isProposed()) {
                return proposed(change, redirect);
            }
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/users/" + User.normalize(username);
    }

    private static String proposed(Accounts.AccountChange change, RedirectAttributes redirect) {
        redirect.addFlashAttribute("passwordPart", change.proposal().passwordPart());
        redirect.addFlashAttribute("notice", "requests.proposed");
        return "redirect:/account-requests/" + change.proposal().id();
    }
}
