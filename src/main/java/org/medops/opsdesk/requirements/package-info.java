/**
 * Requirements (需求): submission, analysis, acceptance against the free person-day allowance, scheduling, delivery and the hospital's verification.
 */
@ApplicationModule
package org.medops.opsdesk.requirements;

import org.springframework.modulith.ApplicationModule;
