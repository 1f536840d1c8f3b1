/**
 * Changes (变更): requested with implementation and rollback plans, authorized in writing by the hospital, carried out inside the maintenance window and finished with a result.
 */
@ApplicationModule
package org.medops.opsdesk.changes;

import org.springframework.modulith.ApplicationModule;
