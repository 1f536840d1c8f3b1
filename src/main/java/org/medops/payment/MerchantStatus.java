package org.medops.payment;

/** Whether new orders may be routed to a merchant; a suspended merchant still settles and reconciles what it took. */
public enum MerchantStatus {
    ACTIVE,
    SUSPENDED
}
