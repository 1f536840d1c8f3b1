/**
 * Defects (缺陷): reported against a product version, worked to a fixed version and verified, with timestamped notes, ticket links and the quarterly defect report.
 */
@ApplicationModule
package org.medops.opsdesk.defects;

import org.springframework.modulith.ApplicationModule;
