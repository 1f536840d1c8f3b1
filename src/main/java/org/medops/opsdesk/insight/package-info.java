/**
 * The issue ledger (问题台账) across tickets, requirements, defects and changes, and the service reports (SLA compliance, distributions, workload) that prove the vendor's work.
 */
@ApplicationModule
package org.medops.opsdesk.insight;

import org.springframework.modulith.ApplicationModule;
