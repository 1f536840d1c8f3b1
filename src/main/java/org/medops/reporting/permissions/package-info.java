/**
 * Who may do what in reporting: one annotation per action, on the console's pages and the API's handlers alike.
 * Depends on nothing, so every feature of reporting may use it.
 */
@ApplicationModule(displayName = "Reporting permissions")
package org.medops.reporting.permissions;

import org.springframework.modulith.ApplicationModule;
