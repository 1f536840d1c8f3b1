package org.medops.opsdesk.tickets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Adds to a ticket (the information asked for, an attachment): its reporter or an engineer. The one statement of
 * this rule, on the console's and the API's handler alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('opsdesk:report', 'opsdesk:work')")
@interface CanAddToTickets {
}
