package org.medops.payment.merchants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.medops.payment.PaymentChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Routing rules and the HIS endpoints of merchants. */
@Repository
class RouteRecords {

    private final JdbcClient jdbc;

    RouteRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the rule or points an existing one of the same scope at the new merchant. */
    void put(Route route) {
        jdbc.sql("""
                        insert into payment_routes(channel, campus, department, business_type, merchant, created_by,
                            created_at)
                        values (:channel, :campus, :department, :businessType, :merchant, :by, :at)
                        on conflict (channel, coalesce(campus, ''), coalesce(department, ''), coalesce(business_type, ''))
                        do update set merchant = excluded.merchant, created_by = excluded.created_by,
                            created_at = excluded.created_at""")
                .param("channel", route.channel().name()).param("campus", route.campus())
                .param("department", route.department()).param("businessType", route.businessType())
                .param("merchant", route.merchant()).param("by", route.createdBy())
                .param("at", Timestamp.from(route.createdAt())).update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from payment_routes where id = :id").param("id", id).update() == 1;
    }

    Optional<Route> find(long id) {
        return jdbc.sql("select * from payment_routes where id = :id").param("id", id).query(this::map).optional();
    }

    List<Route> all() {
        return jdbc.sql("select * from payment_routes order by channel, campus nulls first, department nulls first, "
                + "business_type nulls first limit 500").query(this::map).list();
    }

    /**
     * The most specific rule that matches, to an active merchant: more fields set wins; on a tie a department rule
     * beats a business-type rule, which beats a campus rule.
     */
    Optional<String> resolve(PaymentChannel channel, String campus, String department, String businessType) {
        return jdbc.sql("""
                        select r.merchant from payment_routes r join payment_merchants m on m.code = r.merchant
                        where m.status = 'ACTIVE' and r.channel = :channel
                          and (r.campus is null or r.campus = :campus)
                          and (r.department is null or r.department = :department)
                          and (r.business_type is null or r.business_type = :businessType)
                        order by (r.campus is not null)::int + (r.department is not null)::int
                                 + (r.business_type is not null)::int desc,
                                 r.department is not null desc, r.business_type is not null desc, r.id
                        limit 1""")
                .param("channel", channel.name()).param("campus", campus).param("department", department)
                .param("businessType", businessType).query(String.class).optional();
    }

    record SealedEndpoint(String url, String sealedKey) {
    }

    void putEndpoint(String merchant, String url, String sealedKey, String by, java.time.Instant at) {
        jdbc.sql("""
                        insert into payment_his_endpoints(merchant, url, sealed_key, updated_by, updated_at)
                        values (:merchant, :url, :key, :by, :at)
                        on conflict (merchant) do update set url = excluded.url, sealed_key = excluded.sealed_key,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("merchant", merchant).param("url", url).param("key", sealedKey).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    Optional<SealedEndpoint> endpoint(String merchant) {
        return jdbc.sql("select url, sealed_key from payment_his_endpoints where merchant = :merchant")
                .param("merchant", merchant)
                .query((rs, row) -> new SealedEndpoint(rs.getString("url"), rs.getString("sealed_key"))).optional();
    }

    private Route map(ResultSet rs, int row) throws SQLException {
        return new Route(rs.getLong("id"), PaymentChannel.valueOf(rs.getString("channel")), rs.getString("campus"),
                rs.getString("department"), rs.getString("business_type"), rs.getString("merchant"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
