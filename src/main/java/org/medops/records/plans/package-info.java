/**
 * Emergency plans (应急预案) per system or scenario — contacts, steps, fallback procedures, recovery targets — reviewed
 * yearly, and the drills held on them with their findings and follow-up actions.
 */
@ApplicationModule(displayName = "Records emergency plans")
package org.medops.records.plans;

import org.springframework.modulith.ApplicationModule;
