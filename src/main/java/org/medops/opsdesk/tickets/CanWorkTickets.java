package org.medops.opsdesk.tickets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Works a ticket as an engineer: accepts, locates, fixes, transfers, changes its priority, tags recurrences. The
 * one statement of this rule, on the console's and the API's handler alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('opsdesk:work')")
@interface CanWorkTickets {
}
