package org.medops.integration.store;

import org.medops.dataaccess.ContentGrants;
import org.medops.dataaccess.DataRights;
import org.medops.dataaccess.Scope;
import org.medops.shared.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * One stored message as a reader may see it: unmasked under a grant for its channel (and the view audited) or with
 * the standing {@code integration:data}; masked with the data right alone; refused otherwise, before the message is
 * looked up when the reader holds no grant at all.
 */
@Component
public class MessageContent {

    private final MessageBrowser browser;
    private final ContentGrants grants;

    MessageContent(MessageBrowser browser, ContentGrants grants) {
        this.browser = browser;
        this.grants = grants;
    }

    /** The message as stored (for what only the platform reads, such as highlighting rules) and as shown. */
    public record Opened(MessageDetail stored, MessageDetail shown) {
    }

    public Opened open(long id, Authentication reader) {
        boolean standing = DataRights.standing(reader) || DataRights.holds(reader, "integration:data");
        if (!standing && !grants.holdsAny(reader)) {
            throw new AccessDeniedException("data right or grant needed");
        }
        MessageDetail message = browser.find(id).orElseThrow(() -> ProblemException.notFound("integration-message", id));
        Scope scope = Scope.channel(message.channel());
        if (grants.unmasked(reader, scope)) {
            grants.viewed(reader, scope, "integration-message", Long.toString(id));
            return new Opened(message, message);
        }
        if (!standing) {
            throw new AccessDeniedException("no grant for this channel");
        }
        return new Opened(message, message.shownTo(reader));
    }
}
