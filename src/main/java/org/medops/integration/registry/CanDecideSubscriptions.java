package org.medops.integration.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Approves, rejects, suspends, resumes or cancels a subscription: an administrator ({@code integration:write}, who
 * changes channels) or an operator ({@code integration:operate}) who owns the topic or, to cancel, asked for it.
 * {@link Registry#move} checks the ownership.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('integration:write', 'integration:operate')")
@interface CanDecideSubscriptions {
}
