package org.medops.integration.files;

import io.vertx.core.Vertx;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.PollLocks;
import org.medops.integration.intake.SourceKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code "type": "FILE"}: files in a directory, one message each. */
@Component
class FileSource implements SourceKind {

    private final Intake intake;
    private final PollLocks locks;
    private final TransactionTemplate transactions;

    FileSource(Intake intake, PollLocks locks, TransactionTemplate transactions) {
        this.intake = intake;
        this.locks = locks;
        this.transactions = transactions;
    }

    @Override
    public String type() {
        return "FILE";
    }

    @Override
    public Listening listener(Vertx vertx, DeployedChannel channel) {
        return new FileReader(intake, channel, locks, transactions);
    }
}
