package org.medops.gateway;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The access log's day partitions ({@code access_log_yyyyMMdd}), children of {@code access_log}. */
final class AccessLogPartitions {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;

    AccessLogPartitions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void ensure(LocalDate day) {
        jdbc.sql("select access_log_ensure_day(:day)").param("day", Date.valueOf(day)).query(Object.class).single();
    }

    /** The partitions of days before {@code day}. */
    List<String> before(LocalDate day) {
        return jdbc.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        join pg_class p on p.oid = i.inhparent
                        where p.relname = 'access_log' and c.relname ~ '^access_log_[0-9]{8}$' and c.relname < :oldest""")
                .param("oldest", "access_log_" + day.format(SUFFIX)).query(String.class).list();
    }

    /** {@code partition} comes from {@link #before}: a catalog name matching the pattern, never user input. */
    void drop(String partition) {
        jdbc.sql("drop table " + partition).update();
    }
}
