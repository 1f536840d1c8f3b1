/**
 * Who may do what in data access: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of the module may use it.
 */
@ApplicationModule(displayName = "Data access permissions")
package org.medops.dataaccess.permissions;

import org.springframework.modulith.ApplicationModule;
