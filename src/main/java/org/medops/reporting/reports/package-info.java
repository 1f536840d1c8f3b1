/**
 * The quarterly service report (季度服务报告) and the annual summary (年度运维服务报告): the period's figures read from
 * the ops desk, inspection and integration engine through their published APIs, the sections every
 * {@link org.medops.reporting.ServiceReportContributor} adds (trainings, visits, the scorecard …), charts, and the
 * suggestions (优化建议) the hospital's reviewers write per period; as a page, JSON, PDF, Word and Excel.
 */
@ApplicationModule(displayName = "Service reports")
package org.medops.reporting.reports;

import org.springframework.modulith.ApplicationModule;
