package org.medops.payment.merchants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.medops.payment.MerchantMode;
import org.medops.payment.MerchantStatus;
import org.medops.payment.PaymentChannel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchant numbers. */
@Repository
class MerchantRecords {

    private final JdbcClient jdbc;

    MerchantRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Merchant save(Merchant merchant) {
        Merchant.Details d = merchant.details();
        MapSqlParameterSource columns = new MapSqlParameterSource()
                .addValue("code", merchant.code())
                .addValue("name", d.name())
                .addValue("channel", d.channel().name())
                .addValue("mchId", d.mchId())
                .addValue("mode", d.mode().name())
                .addValue("subMchId", d.subMchId())
                .addValue("appId", d.appId())
                .addValue("apiBaseUrl", d.apiBaseUrl())
                .addValue("status", merchant.status().name())
                .addValue("updatedAt", Timestamp.from(merchant.updatedAt()));
        if (merchant.id() == null) {
            jdbc.sql("""
                            insert into payment_merchants(code, name, channel, mch_id, mode, sub_mch_id, app_id, status,
                                api_base_url, created_by, created_at, updated_at)
                            values (:code, :name, :channel, :mchId, :mode, :subMchId, :appId, :status, :apiBaseUrl, :createdBy,
                                :createdAt, :updatedAt)""")
                    .paramSource(columns.addValue("createdBy", merchant.createdBy())
                            .addValue("createdAt", Timestamp.from(merchant.createdAt())))
                    .update();
        } else {
            jdbc.sql("""
                            update payment_merchants set name = :name, mch_id = :mchId, mode = :mode,
                                sub_mch_id = :subMchId, app_id = :appId, status = :status, api_base_url = :apiBaseUrl, updated_at = :updatedAt
                            where code = :code""")
                    .paramSource(columns).update();
        }
        return find(merchant.code()).orElseThrow();
    }

    Optional<Merchant> find(String code) {
        return jdbc.sql("select * from payment_merchants where code = :code").param("code", code)
                .query(this::map).optional();
    }

    Optional<Merchant> findForUpdate(String code) {
        return jdbc.sql("select * from payment_merchants where code = :code for update").param("code", code)
                .query(this::map).optional();
    }

    boolean numberTaken(PaymentChannel channel, String mchId, String subMchId, String exceptCode) {
        return jdbc.sql("""
                        select exists (select 1 from payment_merchants where channel = :channel and mch_id = :mchId
                            and coalesce(sub_mch_id, '') = coalesce(cast(:subMchId as varchar), '')
                            and code <> coalesce(cast(:except as varchar), ''))""")
                .param("channel", channel.name()).param("mchId", mchId).param("subMchId", subMchId)
                .param("except", exceptCode).query(Boolean.class).single();
    }

    List<Merchant> all() {
        return jdbc.sql("select * from payment_merchants order by code").query(this::map).list();
    }

    private Merchant map(ResultSet rs, int row) throws SQLException {
        return new Merchant(rs.getLong("id"), rs.getString("code"),
                new Merchant.Details(rs.getString("name"), PaymentChannel.valueOf(rs.getString("channel")),
                        rs.getString("mch_id"), MerchantMode.valueOf(rs.getString("mode")), rs.getString("sub_mch_id"),
                        rs.getString("app_id"), rs.getString("api_base_url")),
                MerchantStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
