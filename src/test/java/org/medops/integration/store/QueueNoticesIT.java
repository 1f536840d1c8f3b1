package org.medops.integration.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.medops.testing.MedopsTest;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Queue entries committed on one node wake the lane's worker on another at once, through NOTIFY. */
@MedopsTest
class QueueNoticesIT {

    @Autowired
    MessageWriter writer;

    @Autowired
    QueueSignal signal;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWriterAnnouncesTheChannelsItQueuedForAtCommit() throws Exception {
        String channel = "notice-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection otherNode = dataSource.getConnection()) {
            try (Statement statement = otherNode.createStatement()) {
                statement.execute("listen " + QueueNotices.TOPIC);
            }
            writer.submit(new Inbound(channel, Instant.now(), "MSH|^~\\&|HIS||EMR||||ADT^A01|N-1|P|2.5.1\r", "N-1",
                    "ADT^A01", MessageStatus.QUEUED, null, null, List.of("emr"), null)).get(10, TimeUnit.SECONDS);
            List<String> announced = new ArrayList<>();
            long until = System.currentTimeMillis() + 5000;
            while (!announced.contains(channel) && System.currentTimeMillis() < until) {
                PGNotification[] notices = otherNode.unwrap(PGConnection.class).getNotifications(200);
                if (notices != null) {
                    for (PGNotification notice : notices) {
                        announced.add(notice.getParameter());
                    }
                }
            }
            assertThat(announced).contains(channel);
        } finally {
            jdbc.sql("delete from integration_queue where channel_code = :channel").param("channel", channel).update();
        }
    }

    @Test
    void anotherNodesNoticeRingsThisNodesWorkers() throws Exception {
        String channel = "notice-" + UUID.randomUUID().toString().substring(0, 8);
        long ticket = signal.ticket(channel);
        jdbc.sql("select pg_notify(:topic, :channel)").param("topic", QueueNotices.TOPIC).param("channel", channel)
                .query(Object.class).single();
        long started = System.nanoTime();
        signal.await(channel, ticket, 5000);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(signal.ticket(channel)).isGreaterThan(ticket);
    }
}
