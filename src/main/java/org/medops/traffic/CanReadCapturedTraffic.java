package org.medops.traffic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.medops.dataaccess.DataRights;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Opens one request's captured bodies and headers: content that may identify patients, so besides the traffic right
 * it needs the data right, or a grant of the security committee for the request's service ({@link CapturedContent});
 * no administrator duty opens it.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('traffic:read') and " + DataRights.CONTENT_READER)
@interface CanReadCapturedTraffic {
}
