/**
 * Who may do what in data operations: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of the module may use it.
 */
@ApplicationModule(displayName = "Data operations permissions")
package org.medops.dataops.permissions;

import org.springframework.modulith.ApplicationModule;
