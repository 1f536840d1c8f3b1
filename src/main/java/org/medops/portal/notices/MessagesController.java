package org.medops.portal.notices;

import java.time.Clock;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 站内消息: the signed-in person's own messages, in the console ({@code /messages}) or the portal
 * ({@code /portal/messages}); the API ({@link MessagesApi}) lists and marks them. Nobody reads another's.
 */
@Controller
class MessagesController {

    private final Inbox inbox;
    private final Clock clock;

    MessagesController(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping({"/messages", "/portal/messages"})
    @CanReadPortalMessages
    String page(Authentication who, Model model) {
        model.addAttribute("messages", inbox.of(who.getName()));
        return "developer/messages";
    }

    @PostMapping({"/messages/{id}/read", "/portal/messages/{id}/read"})
    @CanReadPortalMessages
    String read(@PathVariable long id, Authentication who, jakarta.servlet.http.HttpServletRequest request) {
        inbox.markRead(id, who.getName(), clock.instant());
        return "redirect:" + (request.getRequestURI().startsWith(request.getContextPath() + "/portal")
                ? "/portal/messages" : "/messages");
    }

    @PostMapping({"/messages/read-all", "/portal/messages/read-all"})
    @CanReadPortalMessages
    String readAll(Authentication who, jakarta.servlet.http.HttpServletRequest request) {
        inbox.markAllRead(who.getName(), clock.instant());
        return "redirect:" + (request.getRequestURI().startsWith(request.getContextPath() + "/portal")
                ? "/portal/messages" : "/messages");
    }
}
