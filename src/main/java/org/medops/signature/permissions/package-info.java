/**
 * Who may do what in signatures: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of the module may use it.
 */
@ApplicationModule(displayName = "Signatures permissions")
package org.medops.signature.permissions;

import org.springframework.modulith.ApplicationModule;
