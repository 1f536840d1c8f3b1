package org.medops.integration.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Carries the writer's rings to every node: the writer NOTIFYs {@link #TOPIC} with the channel code in the
 * transaction that queued its entries, and this node's listener rings its own {@link QueueSignal}, so a lane leased
 * by another node than the one whose listener took the message starts sending at once instead of at its next idle
 * look (half a second).
 */
@Component
class QueueNotices implements SmartLifecycle {

    static final String TOPIC = "medops_integration_queue";

    private static final Logger log = LoggerFactory.getLogger(QueueNotices.class);

    private final DataSource dataSource;
    private final QueueSignal signal;
    private volatile Thread listener;

    QueueNotices(DataSource dataSource, QueueSignal signal) {
        this.dataSource = dataSource;
        this.signal = signal;
    }

    private void listen() {
        boolean lost = false;
        while (listener == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + TOPIC);
                }
                if (lost) {
                    log.info("Queue notices: listening again");
                    lost = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (listener == Thread.currentThread()) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            signal.ring(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!lost && listener == Thread.currentThread()) {
                    // Workers still look at their queues every half second meanwhile.
                    log.warn("Queue notices lost the database ({})", e.getClass().getSimpleName());
                    lost = true;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        Thread t = new Thread(this::listen, "integration-queue-notices");
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = listener;
        listener = null;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
