package org.medops.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A developer bound to a channel ({@link DeveloperAccounts}) uses the developer center: docs, own channel, traffic,
 * applications, tests. Declared beside the developer accounts because the portal base and its nested modules
 * (access, service tests) all check it, and the base already depends on portal.access (a copy there would be a
 * cycle). The one statement of this rule, on the console's and the API's handler alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('portal:developer')")
public @interface CanUseDeveloperPortal {
}
