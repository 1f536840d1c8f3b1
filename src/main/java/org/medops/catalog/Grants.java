package org.medops.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Grants {

    private final JdbcClient jdbc;

    Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GatewayConfig.Grant> all() {
        return jdbc.sql("select channel_code, service_code, daily_quota from gateway_grants "
                        + "order by channel_code, service_code")
                .query(GatewayConfig.Grant.class).list();
    }

    List<String> servicesOf(String channelCode) {
        return jdbc.sql("select service_code from gateway_grants where channel_code = :channel order by service_code")
                .param("channel", channelCode).query(String.class).list();
    }

    List<GatewayConfig.Grant> of(String channelCode) {
        return jdbc.sql("select channel_code, service_code, daily_quota from gateway_grants where channel_code = :channel "
                        + "order by service_code")
                .param("channel", channelCode).query(GatewayConfig.Grant.class).list();
    }

    java.util.Optional<GatewayConfig.Grant> find(String channelCode, String serviceCode) {
        return jdbc.sql("select channel_code, service_code, daily_quota from gateway_grants "
                        + "where channel_code = :channel and service_code = :service")
                .param("channel", channelCode)
                .param("service", serviceCode).query(GatewayConfig.Grant.class).optional();
    }

    /** True when the grant is new. */
    boolean add(String channelCode, String serviceCode, String by, Instant at, Long dailyQuota) {
        return jdbc.sql("""
                insert into gateway_grants(channel_code, service_code, granted_at, granted_by, daily_quota)
                values (:channel, :service, :at, :by, :quota) on conflict do nothing""")
                .param("channel", channelCode)
                .param("service", serviceCode)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("quota", dailyQuota)
                .update() > 0;
    }

    void setQuota(String channelCode, String serviceCode, Long dailyQuota) {
        jdbc.sql("update gateway_grants set daily_quota = :quota "
                        + "where channel_code = :channel and service_code = :service")
                .param("quota", dailyQuota)
                .param("channel", channelCode)
                .param("service", serviceCode)
                .update();
    }

    boolean remove(String channelCode, String serviceCode) {
        return jdbc.sql("delete from gateway_grants where channel_code = :channel and service_code = :service")
                .param("channel", channelCode)
                .param("service", serviceCode)
                .update() > 0;
    }
}
