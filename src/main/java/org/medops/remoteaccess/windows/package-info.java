/**
 * Remote-maintenance windows (远程维护窗口): a vendor engineer asks for remote access to a system for a time window
 * with a reason and the linked tickets or changes; the hospital approves, refuses or ends it; outside an approved
 * window a remote vendor account can only read, and every attempt to act is refused and audited.
 */
@ApplicationModule(displayName = "Remote-maintenance windows")
package org.medops.remoteaccess.windows;

import org.springframework.modulith.ApplicationModule;
