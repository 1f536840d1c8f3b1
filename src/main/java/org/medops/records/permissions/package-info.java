/**
 * Who may do what in delivery records: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of records may use it.
 */
@ApplicationModule(displayName = "Records permissions")
package org.medops.records.permissions;

import org.springframework.modulith.ApplicationModule;
