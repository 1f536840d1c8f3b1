package org.medops.integration.permissions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reads the critical-value board, a value's timeline, the stage-time report, the rules and the contacts: the
 * clinicians' permission, or the engine's readers (who diagnose the loop, not take part in it).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('integration:critical', 'integration:read')")
public @interface CanReadCriticalValues {
}
