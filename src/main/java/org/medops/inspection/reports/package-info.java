/**
 * Inspection reports (巡检报告): the report of one round — summary, every item with its result, findings with
 * causes and suggested actions (pre-filled from the FAIL/WARN/ERROR items by what each check measures, editable),
 * the engineer's remarks and the information department's sign-off — as a page, a PDF in Chinese and an editable
 * Word copy. Signing freezes the report: its canonical content and SHA-256 are kept and later edits are refused.
 */
@ApplicationModule(displayName = "Inspection reports")
package org.medops.inspection.reports;

import org.springframework.modulith.ApplicationModule;
