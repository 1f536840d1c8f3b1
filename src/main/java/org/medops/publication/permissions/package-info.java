/**
 * Who may do what in data publication: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of the module may use it.
 */
@ApplicationModule(displayName = "Publication permissions")
package org.medops.publication.permissions;

import org.springframework.modulith.ApplicationModule;
