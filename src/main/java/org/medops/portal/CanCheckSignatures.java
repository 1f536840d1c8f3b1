package org.medops.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Checks a request signature against the gateway's algorithm: testers, applicants and developers. The one statement
 * of this rule, on the console's and the API's handler alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('portal:service-test', 'access:apply', 'portal:developer')")
@interface CanCheckSignatures {
}
