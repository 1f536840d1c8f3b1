package org.medops.remoteaccess.windows;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medops.remoteaccess.permissions.CanApproveRemoteAccess;
import org.medops.remoteaccess.permissions.CanReadRemoteAccess;
import org.medops.remoteaccess.permissions.CanRequestRemoteAccess;
import org.medops.settings.Settings;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 远程维护许可: the windows, the engineer's request form, and the hospital's decisions. */
@Controller
class RemoteWindowController {

    private final RemoteAccess access;
    private final Settings settings;

    RemoteWindowController(RemoteAccess access, Settings settings) {
        this.access = access;
        this.settings = settings;
    }

    /** The form's fields: the API's request with times in the hospital's zone, as the browser's picker gives them. */
    record WindowForm(@NotBlank @Size(max = 200) String system,
                      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                      @NotBlank @Size(max = 2000) String reason,
                      @Size(max = 500) @Pattern(regexp = "[\\p{L}\\p{N}#,，、 _./-]*") String ticketRefs) {
        RemoteWindowApi.WindowRequest toRequest(ZoneId zone) {
            return new RemoteWindowApi.WindowRequest(system, from.atZone(zone).toInstant(), to.atZone(zone).toInstant(),
                    reason, ticketRefs);
        }
    }

    @CanReadRemoteAccess
    @GetMapping("/remote-access")
    String page(Model model) {
        java.time.Instant now = access.now();
        model.addAttribute("windows", access.recent(null).stream()
                .map(w -> RemoteWindowApi.WindowView.of(w, now)).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new WindowForm(null, null, null, null, null));
        }
        return "remoteaccess/windows";
    }

    @CanRequestRemoteAccess
    @PostMapping("/remote-access")
    String request(Authentication caller, @Valid @ModelAttribute("form") WindowForm form, BindingResult binding,
                   Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("problem", ProblemException.invalid("window-form-incomplete"));
            return page(model);
        }
        try {
            access.request(caller.getName(), form.toRequest(settings.current().zone()).toRequest());
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return page(model);
        }
        redirect.addFlashAttribute("notice", "remote.notice.requested");
        return "redirect:/remote-access";
    }

    @CanApproveRemoteAccess
    @PostMapping("/remote-access/{id}/approve")
    String approve(Authentication caller, @PathVariable long id, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "remote.notice.approved", () -> access.approve(id, caller.getName(), trim(note)));
        return "redirect:/remote-access";
    }

    @CanApproveRemoteAccess
    @PostMapping("/remote-access/{id}/refuse")
    String refuse(Authentication caller, @PathVariable long id, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "remote.notice.refused", () -> access.refuse(id, caller.getName(), trim(note)));
        return "redirect:/remote-access";
    }

    @CanApproveRemoteAccess
    @PostMapping("/remote-access/{id}/end")
    String end(Authentication caller, @PathVariable long id, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "remote.notice.ended", () -> access.end(id, caller.getName()));
        return "redirect:/remote-access";
    }

    private static String trim(String note) {
        return note == null || note.isBlank() ? null : note.trim().substring(0, Math.min(note.trim().length(), 1000));
    }
}
