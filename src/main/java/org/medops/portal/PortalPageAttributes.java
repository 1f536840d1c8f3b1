package org.medops.portal;

import org.medops.identity.DeveloperAccounts;
import org.medops.portal.notices.Inbox;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs from the portal: whether the reader is a developer (shared pages such as the
 * password change then wear the portal's layout, never the console's) and their unread message count.
 */
@ControllerAdvice(annotations = Controller.class)
class PortalPageAttributes {

    private final Inbox inbox;

    PortalPageAttributes(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("developerArea")
    boolean developerArea() {
        return DeveloperAccounts.isDeveloper(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("unreadMessages")
    long unreadMessages() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() || "anonymousUser".equals(who.getPrincipal())
                ? 0 : inbox.unread(who.getName());
    }
}
