package org.medops.opsdesk.changes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Starts and finishes a change and asks for it to go ahead as an emergency. The one statement of this rule, on the
 * console's and the API's handler alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('opsdesk:work')")
@interface CanCarryOutChanges {
}
