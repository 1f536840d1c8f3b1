package org.medops.payment.orders;

/** What an order pays for; label {@code payment.businessType.<name>}. */
enum BusinessType {
    REGISTRATION,
    OUTPATIENT,
    DEPOSIT,
    INPATIENT
}
