package org.medops.portal.notices;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reads and marks one's own portal messages: developers, applicants, reviewers and the registrations' approvers
 * (whom the portal sends notices). The one statement of this rule, on the console's and the API's handler
 * alike.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('portal:developer', 'access:review', 'access:apply', 'catalog:channel:write')")
@interface CanReadPortalMessages {
}
