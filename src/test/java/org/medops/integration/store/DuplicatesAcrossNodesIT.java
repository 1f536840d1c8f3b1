package org.medops.integration.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medops.integration.statistics.MessageCounters;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes behind one VIP take the same resends at the same moment: each node's writer is its own group-commit
 * thread against the one database (here a second writer beside the context's, as a second node would have), and
 * every control id is still stored once as the original and once as its duplicate.
 */
@MedopsTest
class DuplicatesAcrossNodesIT {

    @Autowired
    MessageWriter writer;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    QueueSignal signal;

    @Autowired
    MessageCounters counters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResendTakenByTwoNodesAtOnceIsStoredOnceAsTheOriginal() throws Exception {
        MessageWriter otherNode = new MessageWriter(named, transactions, signal, counters);
        otherNode.start();
        String channel = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            for (int round = 0; round < 10; round++) {
                List<String> controls = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    controls.add("R" + round + "-" + i);
                }
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> send(writer, channel, controls, go));
                CompletableFuture<Void> second = CompletableFuture.runAsync(() -> send(otherNode, channel, controls, go));
                go.countDown();
                CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
            }
        } finally {
            otherNode.stop();
        }
        List<Integer> originals = jdbc.sql("""
                        select count(*) filter (where duplicate_of is null)::int from integration_messages
                        where channel_code = :channel group by control_id""")
                .param("channel", channel).query(Integer.class).list();
        assertThat(originals).hasSize(400).containsOnly(1);
        assertThat(jdbc.sql("select count(*) from integration_messages where channel_code = :channel")
                .param("channel", channel).query(Long.class).single()).isEqualTo(800);
    }

    private static void send(MessageWriter node, String channel, List<String> controls, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<CompletableFuture<Stored>> stored = controls.stream()
                .map(control -> node.submit(new Inbound(channel, Instant.now(), "MSH|^~\\&|HIS||EMR||||ADT^A01|" + control
                        + "|P|2.5.1\r", control, "ADT^A01", MessageStatus.RECEIVED, null, null, List.of(),
                        Duration.ofHours(1))))
                .toList();
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();
    }
}
