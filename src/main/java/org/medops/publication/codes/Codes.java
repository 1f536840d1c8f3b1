package org.medops.publication.codes;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The code tables' rows. */
@Repository
class Codes {

    private final JdbcClient jdbc;

    Codes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Code> of(String table) {
        return jdbc.sql("select * from publication_codes where table_code = :table order by position, code")
                .param("table", table).query(Codes::map).list();
    }

    Optional<Code> find(String table, String code) {
        return jdbc.sql("select * from publication_codes where table_code = :table and code = :code")
                .param("table", table).param("code", code).query(Codes::map).optional();
    }

    private static Code map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Code(rs.getString("table_code"), rs.getString("code"), rs.getString("label"), rs.getString("label_en"),
                rs.getBoolean("active"), rs.getInt("position"));
    }

    List<String> tables() {
        return jdbc.sql("select distinct table_code from publication_codes order by table_code").query(String.class).list();
    }

    void save(Code code, String by, Instant at) {
        jdbc.sql("""
                        insert into publication_codes(table_code, code, label, label_en, active, position, updated_by, updated_at)
                        values (:table, :code, :label, :labelEn, :active, :position, :by, :at)
                        on conflict (table_code, code) do update set label = excluded.label, label_en = excluded.label_en,
                            active = excluded.active, position = excluded.position, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .param("table", code.table()).param("code", code.code()).param("label", code.label())
                .param("labelEn", code.labelEn()).param("active", code.active()).param("position", code.position())
                .param("by", by).param("at", Timestamp.from(at)).update();
    }
}
