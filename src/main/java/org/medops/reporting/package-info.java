/**
 * Service reports and the vendor scorecard (服务考核表): the facts the vendor is paid by (support calls, visits,
 * trainings, incidents, data extractions), the quarterly scorecard pre-filled from them and from the other
 * modules' APIs and events (never their tables), payment milestones, the quarterly and annual service reports.
 * Its features are nested modules.
 */
package org.medops.reporting;
