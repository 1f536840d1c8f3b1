package org.medops.integration.permissions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.medops.dataaccess.DataRights;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reads the critical values themselves (the board, one value with its result and patient, the board's export): they
 * are medical content (数据权). The clinicians' permission opens them, or the engine's read right together with a data
 * right (the standing content right, a grant of the security committee, {@code integration:data}); no administrator
 * duty opens them. The stage-time report, the rules and the contacts stay with {@link CanReadCriticalValues}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("(hasAuthority('integration:critical') or hasAuthority('integration:read') and hasAnyAuthority('"
        + DataRights.CONTENT_READ + "', '" + DataRights.ACCESS_REQUEST + "', 'integration:data')) and "
        + DataRights.NO_MANAGEMENT_RIGHT)
public @interface CanReadCriticalContent {
}
