package org.medops.opsdesk.requirements;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Analyses, accepts, rejects, schedules and delivers requirements; sets due dates and person-days. The one
 * statement of this rule, on the console's and the API's handler alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('opsdesk:work')")
@interface CanWorkRequirements {
}
