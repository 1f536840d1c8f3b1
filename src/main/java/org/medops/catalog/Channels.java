package org.medops.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class Channels {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Channels(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Channel> all() {
        return jdbc.sql("select * from gateway_channels order by code").query(this::map).list();
    }

    Optional<Channel> find(String code) {
        return jdbc.sql("select * from gateway_channels where code = :code").param("code", code).query(this::map).optional();
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from gateway_channels where code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    void save(Channel channel, Instant at) {
        jdbc.sql("""
                insert into gateway_channels(code, profile, app_key, secret_sealed, previous_sealed,
                    previous_valid_until, created_at, updated_at)
                values (:code, cast(:profile as jsonb), :appKey, :secret, :previous, :previousUntil, :at, :at)
                on conflict (code) do update set profile = excluded.profile, secret_sealed = excluded.secret_sealed,
                    previous_sealed = excluded.previous_sealed, previous_valid_until = excluded.previous_valid_until,
                    updated_at = excluded.updated_at""")
                .param("code", channel.code())
                .param("profile", json.writeValueAsString(channel.profile()))
                .param("appKey", channel.appKey())
                .param("secret", channel.sealedSecret())
                .param("previous", channel.sealedPreviousSecret())
                .param("previousUntil",
                        channel.previousValidUntil() == null ? null : Timestamp.from(channel.previousValidUntil()))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Changes the profile only: a concurrent rotation or revocation of the secret is never undone. */
    void updateProfile(Channel channel, Instant at) {
        jdbc.sql("update gateway_channels set profile = cast(:profile as jsonb), updated_at = :at where code = :code")
                .param("profile", json.writeValueAsString(channel.profile()))
                .param("at", Timestamp.from(at))
                .param("code", channel.code())
                .update();
    }

    /** Locks the row, so two secret changes of one channel never interleave. */
    Optional<Channel> findForUpdate(String code) {
        return jdbc.sql("select * from gateway_channels where code = :code for update").param("code", code).query(this::map).optional();
    }

    private Channel map(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("previous_valid_until");
        return new Channel(rs.getString("code"), json.readValue(rs.getString("profile"), ChannelProfile.class),
                rs.getString("app_key"), rs.getString("secret_sealed"), rs.getString("previous_sealed"),
                until == null ? null : until.toInstant());
    }
}
