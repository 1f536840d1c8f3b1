package org.medops.crypto;

import java.time.Clock;
import java.util.List;

import org.medops.shared.CryptoSuite;
import org.medops.shared.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, before the web server opens: when the configured suite differs from the one the installation last
 * ran under, every sealed value is sealed again under the configured suite and the switch is audited, all in one
 * transaction (a failure leaves everything as it was). Values open under either suite, so nodes still running the
 * old suite keep working meanwhile.
 */
@Component
class SuiteMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SuiteMigration.class);

    private final SealedColumns columns;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SuiteMigration(SealedColumns columns, Secrets secrets, ApplicationEventPublisher events,
                   PlatformTransactionManager transactions, Clock clock) {
        this.columns = columns;
        this.secrets = secrets;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            migrate();
        } catch (DataAccessException | TransactionException e) {
            // A gateway node may start on its cached config while the database is down; the next start migrates.
            log.warn("Crypto suite migration skipped, database unavailable: {}", e.toString());
        }
    }

    /** The number of values re-sealed; 0 when the suite did not change. */
    int migrate() {
        Integer resealed = transactions.execute(status -> {
            CryptoSuite target = secrets.suite();
            CryptoSuite previous = columns.lockInstalledSuite().orElse(null);
            if (previous == target) {
                return 0;
            }
            int count = 0;
            for (SealedColumns.Column column : columns.present()) {
                List<String> values = columns.values(column);
                for (String sealed : values) {
                    if (!secrets.sealedUnderSuite(sealed)) {
                        count += columns.replace(column, sealed, secrets.reseal(sealed));
                    }
                }
            }
            columns.recordSuite(target, clock.instant());
            // A fresh installation only records its suite; a switch leaves its trace.
            if (previous != null || count > 0) {
                events.publishEvent(new SuiteChanged(previous == null ? CryptoSuite.INTERNATIONAL : previous, target,
                        count));
            }
            return count;
        });
        if (resealed != null && resealed > 0) {
            log.info("Crypto suite is now {}: {} sealed values re-sealed with {}", secrets.suite(), resealed,
                    secrets.suite().cipher());
        }
        return resealed == null ? 0 : resealed;
    }
}
