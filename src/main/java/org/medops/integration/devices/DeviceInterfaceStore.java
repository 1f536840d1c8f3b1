package org.medops.integration.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The device interfaces; their lists are kept as JSON. */
@Repository
class DeviceInterfaceStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select channel_code, device_name, maker, model, system_code, search_keys, patient_paths, responsibilities,
                updated_at, updated_by
            from integration_device_interfaces""";

    private final JdbcClient jdbc;

    DeviceInterfaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DeviceInterface> find(String channel) {
        return jdbc.sql(SELECT + " where channel_code = :channel").param("channel", channel).query(this::row).optional();
    }

    Optional<DeviceInterface> lock(String channel) {
        return jdbc.sql(SELECT + " where channel_code = :channel for update").param("channel", channel)
                .query(this::row).optional();
    }

    List<DeviceInterface> all() {
        return jdbc.sql(SELECT + " order by channel_code").query(this::row).list();
    }

    java.util.Set<String> channels() {
        return java.util.Set.copyOf(jdbc.sql("select channel_code from integration_device_interfaces")
                .query(String.class).list());
    }

    void save(DeviceInterface d) {
        jdbc.sql("""
                        insert into integration_device_interfaces(channel_code, device_name, maker, model, system_code,
                            search_keys, patient_paths, responsibilities, updated_at, updated_by)
                        values (:channel, :name, :maker, :model, :system, cast(:keys as jsonb), cast(:paths as jsonb),
                            cast(:duties as jsonb), :at, :by)
                        on conflict (channel_code) do update set device_name = excluded.device_name,
                            maker = excluded.maker, model = excluded.model, system_code = excluded.system_code,
                            search_keys = excluded.search_keys, patient_paths = excluded.patient_paths,
                            responsibilities = excluded.responsibilities, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .param("channel", d.channel()).param("name", d.deviceName()).param("maker", d.maker())
                .param("model", d.model()).param("system", d.system())
                .param("keys", JSON.writeValueAsString(d.searchKeys()))
                .param("paths", JSON.writeValueAsString(d.patientPaths()))
                .param("duties", JSON.writeValueAsString(d.responsibilities()))
                .param("at", Timestamp.from(d.updatedAt())).param("by", d.updatedBy()).update();
    }

    boolean delete(String channel) {
        return jdbc.sql("delete from integration_device_interfaces where channel_code = :channel")
                .param("channel", channel).update() > 0;
    }

    private DeviceInterface row(ResultSet rs, int n) throws SQLException {
        return new DeviceInterface(rs.getString("channel_code"), rs.getString("device_name"), rs.getString("maker"),
                rs.getString("model"), rs.getString("system_code"),
                JSON.readValue(rs.getString("search_keys"), new TypeReference<List<DeviceInterface.SearchKey>>() { }),
                JSON.readValue(rs.getString("patient_paths"), new TypeReference<List<String>>() { }),
                JSON.readValue(rs.getString("responsibilities"),
                        new TypeReference<List<DeviceInterface.Responsibility>>() { }),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
