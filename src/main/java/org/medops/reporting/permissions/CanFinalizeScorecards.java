package org.medops.reporting.permissions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Finalises a quarter's scorecard for the hospital, which freezes it, and records invoices and payments. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('reporting:finalize')")
public @interface CanFinalizeScorecards {
}
