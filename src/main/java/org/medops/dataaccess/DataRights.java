package org.medops.dataaccess;

import org.springframework.security.core.Authentication;

/**
 * The rule of 管理权与数据权分离 for the content endpoints' annotations and handlers: content that may identify patients
 * is read with the standing content right ({@code data:content:read}), or under a grant of the security committee by
 * someone who may ask for one ({@code data:access:request}); an account holding a separated administrator duty
 * (creating accounts, writing roles, reading the audit trail) never reads it, whatever else it holds.
 */
public final class DataRights {

    public static final String CONTENT_READ = "data:content:read";
    public static final String ACCESS_REQUEST = "data:access:request";

    /** A SpEL clause: no separated administrator duty (system, security, audit administrator). */
    public static final String NO_MANAGEMENT_RIGHT =
            "!hasAnyAuthority('identity:user:write', 'identity:role:write', 'audit:read')";

    /** A SpEL clause for {@code @PreAuthorize}: may read content with the standing right or under a grant. */
    public static final String CONTENT_READER = "hasAnyAuthority('" + CONTENT_READ + "', '" + ACCESS_REQUEST + "') and "
            + NO_MANAGEMENT_RIGHT;

    private DataRights() {
    }

    /** Holds the standing content right (masked where the content can be masked). */
    public static boolean standing(Authentication reader) {
        return holds(reader, CONTENT_READ);
    }

    public static boolean holds(Authentication reader, String authority) {
        return reader != null && reader.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
