/**
 * Service facts (服务记录): support calls answered or not, service visits with satisfaction, trainings, the
 * hospital's complaints and conduct or data-security incidents with evidence, data-extraction requests with the
 * requester's accuracy confirmation, and failed backup checks heard from inspection. The scorecard and the service
 * reports read them through {@link org.medops.reporting.facts.RecordedFacts}.
 */
@ApplicationModule(displayName = "Reporting service facts")
package org.medops.reporting.facts;

import org.springframework.modulith.ApplicationModule;
