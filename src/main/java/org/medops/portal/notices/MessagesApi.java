package org.medops.portal.notices;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own in-app messages. */
@RestController
class MessagesApi {

    private final Inbox inbox;
    private final Clock clock;

    MessagesApi(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping("/api/v1/messages")
    @CanReadPortalMessages
    List<MessageView> list(Authentication who) {
        return inbox.of(who.getName()).stream().map(MessageView::of).toList();
    }

    @PostMapping("/api/v1/messages/{id}/read")
    @CanReadPortalMessages
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@PathVariable long id, Authentication who) {
        inbox.markRead(id, who.getName(), clock.instant());
    }
}
