package org.medops.records.permissions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Either party of a project — the vendor who works it or the hospital who agrees to it — proposes an extension of
 * the delivery, and the other party agrees to it.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('records:write', 'records:agree')")
public @interface CanNegotiateProjects {
}
