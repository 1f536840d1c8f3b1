package org.medops.opsdesk.tickets;

import org.medops.dataaccess.ContentGrants;
import org.medops.dataaccess.DataRights;
import org.medops.dataaccess.Scope;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who opens a ticket's attachments. Files cannot be masked, so: the ticket's reporter (who attached the evidence)
 * and its assignee (who works the fault) always; anyone else with the data right; others only under a grant of
 * the security committee for that ticket, and that view is audited.
 */
@Component
class AttachmentAccess {

    private final Attachments attachments;
    private final ContentGrants grants;

    /** Without the committee's requests feature (a module test of the ops desk alone) there are no grants. */
    AttachmentAccess(Attachments attachments, ObjectProvider<ContentGrants> grants) {
        this.attachments = attachments;
        this.grants = grants.getIfAvailable(() -> ContentGrants.NONE);
    }

    /** Refuses with 403 (audited as a denial) unless the reader may open the ticket's attachment. */
    void require(long ticketId, long attachmentId, Authentication reader) {
        Attachments.Parties parties = attachments.parties(ticketId).orElseThrow(() -> ProblemException.notFound("ticket", ticketId));
        if (parties.include(reader.getName()) || DataRights.standing(reader)) {
            return;
        }
        Scope scope = Scope.ticket(ticketId);
        if (!grants.unmasked(reader, scope)) {
            throw new AccessDeniedException("attachment of another's ticket");
        }
        grants.viewed(reader, scope, "ticket-attachment", Long.toString(attachmentId));
    }
}
