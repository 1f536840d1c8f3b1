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
 * Until the orders feature offers its {@link PlatformLedger}, reconciliation runs two-way (channel against HIS): the
 * platform's books are empty, so DUPLICATE_PAYMENT and STATUS_MISMATCH from the platform's side cannot be found, and
 * a run without HIS records has nothing to hold the bill against. Stands back as soon as any other ledger exists.
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
