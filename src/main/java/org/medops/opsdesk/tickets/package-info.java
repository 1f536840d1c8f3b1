/**
 * Fault tickets (故障工单): the report, the lifecycle through acceptance, on-site arrival, location report, repair and the hospital's confirmation, the SLA clocks each ticket runs, the SLA watch, attachments, the printable and PDF repair confirmation, and tickets opened from alerts.
 */
@ApplicationModule
package org.medops.opsdesk.tickets;

import org.springframework.modulith.ApplicationModule;
