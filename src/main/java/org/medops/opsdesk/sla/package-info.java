/**
 * Service levels (SLA): the policy per priority with its response, arrival, location and resolution targets, the escalation levels, the preview of due times, and the administration of calendars and the managed systems list.
 */
@ApplicationModule
package org.medops.opsdesk.sla;

import org.springframework.modulith.ApplicationModule;
