package org.medops.opsdesk.changes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Cancels a change. The one statement of this rule, on the console's and the API's handler alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('opsdesk:work', 'opsdesk:manage')")
@interface CanCancelChanges {
}
