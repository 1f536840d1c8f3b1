package org.medops.dataaccess.requests;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.medops.dataaccess.Scope;
import org.medops.dataaccess.permissions.CanApproveDataAccess;
import org.medops.dataaccess.permissions.CanRequestDataAccess;
import org.medops.dataaccess.permissions.CanSeeDataAccessRequests;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FieldMessages;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 敏感数据访问: the request form and one's own requests; for the security committee the queue to approve or refuse
 * and the grants running now, each revocable.
 */
@Controller
@RequestMapping("/data-access")
class DataAccessController {

    private final AccessDesk desk;
    private final Validator validator;
    private final FieldMessages fieldMessages;

    DataAccessController(AccessDesk desk, Validator validator, FieldMessages fieldMessages) {
        this.desk = desk;
        this.validator = validator;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping
    @CanSeeDataAccessRequests
    String page(Authentication who, Model model) {
        boolean committee = AccessDesk.committee(who);
        model.addAttribute("mine", desk.list(who, false, false, false, 50));
        model.addAttribute("committee", committee);
        if (committee) {
            model.addAttribute("queue", desk.list(who, true, false, true, 100));
            model.addAttribute("active", desk.list(who, true, true, false, 100));
        }
        model.addAttribute("kinds", Scope.Kind.values());
        model.addAttribute("maxHours", desk.maxHours());
        model.addAttribute("me", who.getName());
        return "dataaccess/requests";
    }

    @PostMapping("/requests")
    @CanRequestDataAccess
    String request(RequestForm form, Authentication who, RedirectAttributes redirect) {
        Set<ConstraintViolation<RequestForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("violations", fieldMessages.of(violations));
            return back();
        }
        ConsoleActions.attempt(redirect, "dataaccess.requested", () -> desk.request(form.request(), who.getName()));
        return back();
    }

    @PostMapping("/requests/{id}/approve")
    @CanApproveDataAccess
    String approve(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "dataaccess.approved", () -> desk.approve(id, who.getName()));
        return back();
    }

    @PostMapping("/requests/{id}/refuse")
    @CanApproveDataAccess
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "dataaccess.refused", () -> desk.refuse(id, who.getName(), reason));
        return back();
    }

    @PostMapping("/requests/{id}/revoke")
    @CanApproveDataAccess
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, Authentication who,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "dataaccess.revoked", () -> desk.revoke(id, who.getName(), reason));
        return back();
    }

    private static String back() {
        return "redirect:/data-access";
    }
}
