/**
 * Messages to developers and staff (站内消息): the inbox, notices of reviews and registrations, and the portal's notify targets.
 */
@ApplicationModule
package org.medops.portal.notices;

import org.springframework.modulith.ApplicationModule;
