package org.medops.reporting.permissions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Adjusts, adds or strikes a draft scorecard's deductions with a reason (考评科室) and edits a report's suggestions. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('reporting:score')")
public @interface CanScoreScorecards {
}
