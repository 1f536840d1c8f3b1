/**
 * Inspection schedules (巡检计划): a template on chosen targets by a cron rule and/or on the working day before each
 * statutory holiday period of the ops desk's business calendar (so the May Day, National Day and Spring Festival
 * rounds schedule themselves). One node publishes each due occurrence as a
 * {@link org.medops.inspection.rounds.RoundDue}; the planned occurrences of a year are public for the plan.
 */
@ApplicationModule(displayName = "Inspection schedules")
package org.medops.inspection.schedules;

import org.springframework.modulith.ApplicationModule;
