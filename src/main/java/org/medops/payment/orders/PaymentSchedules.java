package org.medops.payment.orders;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The order desk's background work: asking the channel about pending orders no notification came for, closing orders
 * left unpaid, settling refunds still processing. Each pass takes a bounded batch.
 */
@Component
@EnableConfigurationProperties(PaymentSettings.class)
class PaymentSchedules {

    private static final Logger log = LoggerFactory.getLogger(PaymentSchedules.class);
    private final OrderRecords orders;
    private final OrderDesk desk;
    private final PaymentSettings settings;
    private final Clock clock;

    PaymentSchedules(OrderRecords orders, OrderDesk desk, PaymentSettings settings, Clock clock) {
        this.orders = orders;
        this.desk = desk;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medops.payment.poll-interval:5s}", initialDelayString = "${medops.payment.poll-interval:5s}")
    void poll() {
        Instant now = clock.instant();
        for (String outTradeNo : orders.expired(now, 50)) {
            try {
                desk.close(outTradeNo, "unpaid past " + settings.unpaidCloseAfter(), null);
            } catch (RuntimeException e) {
                log.info("payment order {} could not be closed yet: {}", outTradeNo, e.getMessage());
            }
        }
        for (String outTradeNo : orders.pendingCreatedBefore(now.minus(settings.queryAfter()), 50)) {
            try {
                desk.sync(desk.get(outTradeNo), "QUERY");
            } catch (RuntimeException e) {
                log.info("payment order {} could not be queried: {}", outTradeNo, e.getMessage());
            }
        }
        for (String outRefundNo : orders.processingRefundsBefore(now.minus(settings.queryAfter()), 50)) {
            try {
                desk.syncRefund(outRefundNo);
            } catch (RuntimeException e) {
                log.info("payment refund {} could not be queried: {}", outRefundNo, e.getMessage());
            }
        }
    }
}
