/**
 * Who may do what in the integration engine: one annotation per action, on the console's pages and
 * the API's handlers alike. Depends on nothing, so every feature of the engine may use it.
 */
@ApplicationModule
package org.medops.integration.permissions;

import org.springframework.modulith.ApplicationModule;
