/**
 * The small shared kernel every module may use: the contract of an auditable event, the
 * problem-details exception type and the zone-aware clock. Nothing here depends on a feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.medops.shared;

import org.springframework.modulith.ApplicationModule;
