package org.medops.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads and changes the platform settings; reads are served from memory. */
@Service
public class Settings {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<PlatformSettings> current = new AtomicReference<>();

    Settings(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    public PlatformSettings current() {
        PlatformSettings settings = current.get();
        if (settings == null) {
            settings = load();
            current.set(settings);
        }
        return settings;
    }

    @Transactional
    public PlatformSettings update(PlatformSettings changed, String by) {
        validateZone(changed.timeZone());
        PlatformSettings before = load();
        List<FieldChange> changes = FieldChange.between(before, changed);
        if (changes.isEmpty()) {
            return before;
        }
        jdbc.sql("""
                insert into platform_settings(id, document, updated_at, updated_by) values (1, cast(? as jsonb), ?, ?)
                on conflict (id) do update set document = excluded.document,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(json.writeValueAsString(changed), Timestamp.from(clock.instant()), by)
                .update();
        current.set(changed);
        events.publishEvent(new SettingsChanged(changes));
        return changed;
    }

    private PlatformSettings load() {
        return jdbc.sql("select document::text from platform_settings where id = 1")
                .query(String.class).optional()
                .map(document -> json.readValue(document, PlatformSettings.class))
                .orElseGet(PlatformSettings::defaults);
    }

    private static void validateZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("unknown-time-zone", zone);
        }
    }
}
