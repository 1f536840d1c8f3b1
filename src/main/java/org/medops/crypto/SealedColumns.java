package org.medops.crypto;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.CryptoSuite;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The columns registered in {@code crypto_sealed_columns} and the suite last installed. Table and column names
 * come only from that registry and are checked against the catalogue before they are quoted into SQL.
 */
@Repository
class SealedColumns {

    /** Serializes suite migrations of nodes starting at once. */
    private static final long SUITE_LOCK = 0x4D65644F70735355L;

    private final JdbcClient jdbc;

    SealedColumns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Column(String table, String column) {
        String quotedTable() {
            return '"' + table + '"';
        }

        String quotedColumn() {
            return '"' + column + '"';
        }
    }

    Optional<CryptoSuite> lockInstalledSuite() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", SUITE_LOCK).query(Object.class).single();
        return jdbc.sql("select suite from crypto_installation where id = 1").query(String.class).optional()
                .map(CryptoSuite::of);
    }

    void recordSuite(CryptoSuite suite, Instant at) {
        jdbc.sql("""
                insert into crypto_installation(id, suite, changed_at) values (1, :suite, :at)
                on conflict (id) do update set suite = excluded.suite, changed_at = excluded.changed_at""")
                .param("suite", suite.name()).param("at", Timestamp.from(at)).update();
    }

    /** The registered columns that exist in this database (a module's table may not be there yet). */
    List<Column> present() {
        return jdbc.sql("""
                select c.table_name, c.column_name from crypto_sealed_columns c
                join information_schema.columns i on i.table_schema = current_schema()
                    and i.table_name = c.table_name and i.column_name = c.column_name
                order by c.table_name, c.column_name""")
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2))).list();
    }

    List<String> values(Column column) {
        return jdbc.sql("select " + column.quotedColumn() + " from " + column.quotedTable() + " where "
                + column.quotedColumn() + " is not null").query(String.class).list();
    }

    /** Sealed values carry a random nonce, so the old value itself finds its row. */
    int replace(Column column, String before, String after) {
        return jdbc.sql("update " + column.quotedTable() + " set " + column.quotedColumn() + " = :after where "
                + column.quotedColumn() + " = :before").param("after", after).param("before", before).update();
    }
}
