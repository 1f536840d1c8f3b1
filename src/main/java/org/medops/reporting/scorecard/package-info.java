/**
 * The quarterly vendor scorecard (服务考核表): a draft pre-filled from the recorded facts (this module's and the ops
 * desk's and inspection's published reads), each deduction with its rule, points, evidence and readable text;
 * reviewers adjust, add or strike deductions with a reason; the hospital finalises, which freezes and signs the card
 * under SHA-256. The contract year's summary gives the average, the payment band, failing quarters and the payment
 * milestones with the deduction applied to the final payment.
 */
@ApplicationModule(displayName = "Reporting scorecard")
package org.medops.reporting.scorecard;

import org.springframework.modulith.ApplicationModule;
