/**
 * Who may do what in inspection: one annotation per action, on the console's pages and the API's handlers alike.
 * Depends on nothing, so every feature of inspection may use it.
 */
@ApplicationModule(displayName = "Inspection permissions")
package org.medops.inspection.permissions;

import org.springframework.modulith.ApplicationModule;
