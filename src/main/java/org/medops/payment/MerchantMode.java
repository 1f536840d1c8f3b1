package org.medops.payment;

/**
 * How the hospital holds its merchant number: its own ({@code DIRECT}), or as a sub-merchant under a service provider
 * that calls the channel with its own {@code sp_mchid} and the hospital's {@code sub_mchid}.
 */
public enum MerchantMode {
    DIRECT,
    SERVICE_PROVIDER
}
