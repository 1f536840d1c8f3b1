/**
 * Service contracts per contract year: start and end, fee, the scorecard's items as data (seed 001's defaults,
 * adjustable per contract), the payment bands and how they apply when the items do not add up to 100, and the
 * payment milestones with their share, required records, invoice and payment.
 */
@ApplicationModule(displayName = "Reporting contracts")
package org.medops.reporting.contracts;

import org.springframework.modulith.ApplicationModule;
