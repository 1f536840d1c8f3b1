/**
 * Who may do what in remote access: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of the module may use it.
 */
@ApplicationModule(displayName = "Remote access permissions")
package org.medops.remoteaccess.permissions;

import org.springframework.modulith.ApplicationModule;
