package org.medops.identity;

import jakarta.validation.Valid;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
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

/** 账号变更审批: the pending and decided changes to separated-duty accounts, and their approval. */
@Controller
class AccountRequestController {

    private final AccountRequestDesk desk;
    private final FieldMessages fieldMessages;

    AccountRequestController(AccountRequestDesk desk, FieldMessages fieldMessages) {
        this.desk = desk;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping("/account-requests")
    @CanSeeAccountRequests
    String list(@RequestParam(required = false) AccountRequest.Status status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", AccountRequest.Status.values());
        model.addAttribute("page", desk.list(status, PageRequest.of(Math.max(page, 0), 20)));
        return "requests/list";
    }

    @GetMapping("/account-requests/{id}")
    @CanSeeAccountRequests
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("request", desk.require(id));
        return "requests/detail";
    }

    @PostMapping("/account-requests/{id}/approve")
    @CanDecideAccountRequests
    String approve(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        try {
            AccountRequestDesk.Decided decided = desk.approve(id, me.username());
            redirect.addFlashAttribute("approverPart", decided.passwordPart());
            redirect.addFlashAttribute("notice", "requests.approved");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/account-requests/" + id;
    }

    @PostMapping("/account-requests/{id}/reject")
    @CanDecideAccountRequests
    String reject(@PathVariable long id, @Valid @ModelAttribute RejectionReason rejection, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requests.rejected", () -> {
            if (binding.hasErrors()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "reason-invalid", fieldMessages.of(binding));
            }
            desk.reject(id, me.username(), rejection.reason());
        });
        return "redirect:/account-requests/" + id;
    }

    @PostMapping("/account-requests/{id}/withdraw")
    @CanManageUsers
    String withdraw(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "requests.withdrawn", () -> desk.withdraw(id, me.username()));
        return "redirect:/account-requests/" + id;
    }
}
