/**
 * Who may do what in payments and reconciliation: one annotation per action, on the console's pages and the API's handlers
 * alike. Depends on nothing, so every feature of the module may use it.
 */
@ApplicationModule(displayName = "Payment permissions")
package org.medops.payment.permissions;

import org.springframework.modulith.ApplicationModule;
