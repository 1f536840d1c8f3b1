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
        return jdbc.sql("select channel_code, service_code from gateway_grants order by channel_code, service_code")
                .query(GatewayConfig.Grant.class).list();
    }

    List<String> servicesOf(String channelCode) {
        return jdbc.sql("select service_code from gateway_grants where channel_code = ? order by service_code")
                .param(channelCode).query(String.class).list();
    }

    /** True when the grant is new. */
    boolean add(String channelCode, String serviceCode, String by, Instant at) {
        return jdbc.sql("""
                insert into gateway_grants(channel_code, service_code, granted_at, granted_by) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(channelCode, serviceCode, Timestamp.from(at), by).update() > 0;
    }

    boolean remove(String channelCode, String serviceCode) {
        return jdbc.sql("delete from gateway_grants where channel_code = ? and service_code = ?")
                .params(channelCode, serviceCode).update() > 0;
    }
}
