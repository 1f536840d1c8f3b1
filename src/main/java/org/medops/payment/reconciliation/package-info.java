/**
 * Daily reconciliation (对账) per merchant: the channel's bill (downloaded from the channel or uploaded), the HIS's
 * charge records and the platform's own orders and refunds, matched in PostgreSQL with set operations; the
 * mismatches by category with the lines that prove them, their resolutions (补单, 退款, 调账, 线下处理), the day closed
 * when all are handled, and the daily report as PDF and Excel.
 */
@ApplicationModule(displayName = "Reconciliation")
package org.medops.payment.reconciliation;

import org.springframework.modulith.ApplicationModule;
