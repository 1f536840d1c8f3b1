package org.medops.dataaccess.permissions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Sees sensitive-data access requests: a requester their own, the security committee every one. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('data:access:request', 'data:access:approve')")
public @interface CanSeeDataAccessRequests {
}
