package org.medops.inspection.backups;

import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The backups demo: three real backups of the demo database and one backup check of the newest, taken at demo
 * start (so always of today), in the background so the platform does not wait for them. Seeding again adds none.
 */
@Component
@ConditionalOnExpression("${medops.demo:false} and '${medops.roles:console,gateway,integration}'.contains('console')")
class BackupsDemo implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(BackupsDemo.class);

    private final Backups backups;
    private final BackupChecks checks;
    private final BackupRecords records;

    BackupsDemo(Backups backups, BackupChecks checks, BackupRecords records) {
        this.backups = backups;
        this.checks = checks;
        this.records = records;
    }

    @Override
    public String name() {
        return "backups";
    }

    @Override
    public void seed() {
        if (records.count(new BackupRecords.Filter(null, null)) > 0) {
            return;
        }
        Thread worker = new Thread(this::take, "demo-backups");
        worker.setDaemon(true);
        worker.start();
    }

    private void take() {
        try {
            for (int i = 0; i < 3; i++) {
                backups.take(BackupTrigger.DEMO, "demo");
            }
            checks.run(null, BackupTrigger.DEMO, "demo");
        } catch (RuntimeException e) {
            log.warn("Demo: the backups could not be taken: {}", e.getMessage());
        }
    }
}
