package org.medops.payment.orders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unpaidCloseAfter  an order unpaid this long is closed at the channel and here
 * @param queryAfter        a pending order with no notification this long is asked about (the poller)
 * @param notifyBaseUrl     where the channel reaches this installation's notification endpoint; default the console
 * @param hisRetryMax       the longest wait between two attempts to tell the HIS
 */
@ConfigurationProperties("medops.payment")
record PaymentSettings(Duration unpaidCloseAfter, Duration queryAfter, String notifyBaseUrl, Duration hisRetryMax) {

    PaymentSettings {
        unpaidCloseAfter = unpaidCloseAfter == null ? Duration.ofMinutes(30) : unpaidCloseAfter;
        queryAfter = queryAfter == null ? Duration.ofSeconds(30) : queryAfter;
        hisRetryMax = hisRetryMax == null ? Duration.ofMinutes(10) : hisRetryMax;
    }
}
