package org.medops.integration.store;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Day partitions of the content tables, created ahead: on start (before any listener binds) and every hour,
 * from yesterday to {@value #DAYS_AHEAD} days ahead, so a message never finds its day missing.
 * {@link MessageRetention} drops or rewrites old partitions instead of deleting rows.
 */
@Component
class MessagePartitions {

    private static final Logger log = LoggerFactory.getLogger(MessagePartitions.class);
    private static final int DAYS_AHEAD = 7;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final Clock clock;

    MessagePartitions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        ensure();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void hourly() {
        ensure();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ensure();
    }

    void ensure() {
        LocalDate today = MessageWriter.day(clock.instant());
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
            create("integration_messages", day);
            create("integration_deliveries", day);
        }
    }

    private void create(String table, LocalDate day) {
        // DDL takes no bind parameters; the name and bounds are built from a date, never from input.
        String sql = "create table if not exists " + table + "_p" + SUFFIX.format(day) + " partition of " + table
                + " for values from ('" + day + "') to ('" + day.plusDays(1) + "')" + RetentionPartitions.STORAGE;
        try {
            jdbc.sql(sql).update();
        } catch (RuntimeException e) {
            // Another node created it at the same moment.
            log.debug("Partition {} of {} not created here: {}", day, table, e.getMessage());
        }
    }
}
