package org.medops.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import org.medops.settings.Settings;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 服务账号: the accounts, their keys, issuing (the key shown in that answer only) and revoking. */
@Controller
class ServiceAccountController {

    private final ServiceAccounts accounts;
    private final Settings settings;

    ServiceAccountController(ServiceAccounts accounts, Settings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @CanManageServiceAccounts
    @GetMapping("/service-accounts")
    String page(Model model) {
        Instant now = accounts.now();
        Map<ServiceAccountApi.AccountView, List<ServiceAccountApi.KeyView>> keys = new LinkedHashMap<>();
        for (User account : accounts.list()) {
            keys.put(ServiceAccountApi.AccountView.of(account), accounts.keysOf(account.username()).stream()
                    .map(key -> ServiceAccountApi.KeyView.of(key, now)).toList());
        }
        model.addAttribute("accounts", keys);
        model.addAttribute("scopes", java.util.Arrays.stream(Permission.values())
                .filter(p -> !p.duty().separated()).toList());
        model.addAttribute("defaultExpiry", LocalDate.ofInstant(now, settings.current().zone()).plusDays(90));
        return "users/service-accounts";
    }

    @CanManageServiceAccounts
    @PostMapping("/service-accounts")
    String create(@Valid @ModelAttribute ServiceAccountApi.NewServiceAccount form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("problem", ProblemException.invalid("service-account-form-incomplete"));
            return page(model);
        }
        ConsoleActions.attempt(redirect, "serviceAccounts.created",
                () -> accounts.create(form.username(), form.displayName()));
        return "redirect:/service-accounts";
    }

    @CanManageServiceAccounts
    @PostMapping("/service-accounts/{username}/keys")
    String issue(@AuthenticationPrincipal CurrentUser me, @PathVariable String username,
                 @RequestParam(defaultValue = "") String name,
                 @RequestParam(name = "scopes", required = false) Set<String> scopes,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expires,
                 Model model) {
        try {
            if (name.isBlank() || scopes == null || scopes.isEmpty() || expires == null) {
                throw ProblemException.invalid("key-form-incomplete");
            }
            Instant until = expires.plusDays(1).atStartOfDay(settings.current().zone()).toInstant();
            ApiKeys.Issued issued = accounts.issue(username, name.trim(), scopes, until, me.username());
            model.addAttribute("issuedKey", issued.key());
            model.addAttribute("issuedFor", username);
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
        }
        return page(model);
    }

    @CanManageServiceAccounts
    @PostMapping("/service-accounts/{username}/keys/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable String username, @PathVariable long id,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "serviceAccounts.revoked.notice", () -> accounts.revoke(username, id, me.username()));
        return "redirect:/service-accounts";
    }
}
