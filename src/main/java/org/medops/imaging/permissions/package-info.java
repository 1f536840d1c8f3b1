/**
 * Who may do what in imaging: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of the module may use it.
 */
@ApplicationModule(displayName = "Imaging permissions")
package org.medops.imaging.permissions;

import org.springframework.modulith.ApplicationModule;
