package org.medops.payment.reconciliation;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.medops.payment.PlatformLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the orders feature is not part of the application (reconciliation's own module tests), reconciliation runs
 * two-way (channel against HIS): the platform's books are empty, so DUPLICATE_PAYMENT and STATUS_MISMATCH from the
 * platform's side cannot be found. In the running application the orders' {@code PlatformBooks} are the ledger.
 */
@Configuration(proxyBeanMethods = false)
class LedgerFallback {

    private static final Logger log = LoggerFactory.getLogger(LedgerFallback.class);

    @Bean
    @ConditionalOnMissingBean(PlatformLedger.class)
    PlatformLedger emptyPlatformLedger() {
        log.warn("No platform ledger: reconciliation compares the channel's bills with the HIS's records only");
        return new PlatformLedger() {
            @Override
            public long stream(String merchantCode, LocalDate businessDate, Consumer<Entry> sink) {
                return 0;
            }
        };
    }
}
