/**
 * Inspection rounds (巡检轮次): a round runs the checks of a template (or each target's full list) on the chosen
 * targets, in parallel and each under a time limit, and keeps every result with its measured value, threshold and
 * evidence. Its public types are the round as others read it ({@link org.medops.inspection.rounds.RoundSheet})
 * and the event that asks for a round ({@link org.medops.inspection.rounds.RoundDue}).
 */
@ApplicationModule(displayName = "Inspection rounds")
package org.medops.inspection.rounds;

import org.springframework.modulith.ApplicationModule;
