package org.medops.opsdesk.tickets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.medops.dataaccess.DataRights;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Opens a ticket's attachment (a screenshot or log may show a patient): who reads tickets, may be one of a ticket's own
 * people (reports or works faults) or holds the data right or may ask for a grant, and holds no administrator duty;
 * {@link AttachmentAccess} then lets in the ticket's own people, the data right, or a grant for the ticket.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('opsdesk:read') and hasAnyAuthority('" + DataRights.CONTENT_READ + "', '"
        + DataRights.ACCESS_REQUEST + "', 'opsdesk:report', 'opsdesk:work') and " + DataRights.NO_MANAGEMENT_RIGHT)
@interface CanOpenAttachments {
}
