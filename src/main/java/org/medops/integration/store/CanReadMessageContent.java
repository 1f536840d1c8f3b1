package org.medops.integration.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.medops.dataaccess.DataRights;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Opens one message's content: besides the engine's read right it needs the data right (masked), the standing
 * {@code integration:data} (unmasked), or a grant of the security committee for the message's channel
 * ({@link MessageContent}); no administrator duty opens it.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('integration:read') and hasAnyAuthority('" + DataRights.CONTENT_READ + "', '"
        + DataRights.ACCESS_REQUEST + "', 'integration:data') and " + DataRights.NO_MANAGEMENT_RIGHT)
public @interface CanReadMessageContent {
}
