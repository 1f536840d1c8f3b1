/**
 * Business calendars (工作日历): weekly working hours, the State Council's holidays and make-up days, and the working time between two instants that SLA clocks count in.
 */
@ApplicationModule
package org.medops.opsdesk.calendar;

import org.springframework.modulith.ApplicationModule;
