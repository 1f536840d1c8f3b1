package org.medops.gateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates the access log's day partitions ahead of time and drops those past retention. */
final class AccessLogMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccessLogMaintenance.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;
    private final int retentionDays;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "medops-access-log-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    AccessLogMaintenance(DataSource dataSource, int retentionDays, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.retentionDays = retentionDays;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::run, 0, 1, TimeUnit.HOURS);
    }

    void run() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            for (int i = 0; i <= 2; i++) {
                jdbc.sql("select access_log_ensure_day(?)").param(java.sql.Date.valueOf(today.plusDays(i)))
                        .query(Object.class).single();
            }
            String oldest = "access_log_" + today.minusDays(retentionDays).format(SUFFIX);
            List<String> expired = jdbc.sql("""
                            select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                            join pg_class p on p.oid = i.inhparent
                            where p.relname = 'access_log' and c.relname ~ '^access_log_[0-9]{8}$' and c.relname < ?""")
                    .param(oldest).query(String.class).list();
            for (String partition : expired) {
                jdbc.sql("drop table " + partition).update();
                log.info("Access log: dropped partition {} (retention {} days)", partition, retentionDays);
            }
        } catch (RuntimeException e) {
            log.warn("Access log maintenance failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
