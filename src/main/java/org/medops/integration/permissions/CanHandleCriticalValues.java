package org.medops.integration.permissions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Acknowledges, handles and closes a critical value: a clinical act recorded with the person's name, so only the
 * clinicians' permission grants it — running the integration engine does not.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('integration:critical')")
public @interface CanHandleCriticalValues {
}
