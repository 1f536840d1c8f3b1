package org.medops.payment.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.medops.payment.PlatformLedger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's books for tests, until the orders feature implements {@link PlatformLedger} over its tables: the
 * entries a test says the platform holds for a merchant's day. Everything after the interface (staging, matching,
 * categories) is the production path.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedLedger {

    static final Map<String, List<PlatformLedger.Entry>> ENTRIES = new ConcurrentHashMap<>();

    static void hold(String merchant, LocalDate date, List<PlatformLedger.Entry> entries) {
        ENTRIES.put(merchant + "/" + date, List.copyOf(entries));
    }

    @Bean
    @Primary
    PlatformLedger recordedPlatformLedger() {
        return new PlatformLedger() {
            @Override
            public long stream(String merchantCode, LocalDate businessDate, Consumer<Entry> sink) {
                List<Entry> entries = ENTRIES.getOrDefault(merchantCode + "/" + businessDate, List.of());
                entries.forEach(sink);
                return entries.size();
            }
        };
    }
}
