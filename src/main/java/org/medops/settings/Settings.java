package org.medops.settings;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the platform settings; reads are served from memory. */
@Service
public class Settings {

    private final StoredSettings stored;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<PlatformSettings> current = new AtomicReference<>();

    Settings(StoredSettings stored, ApplicationEventPublisher events, Clock clock) {
        this.stored = stored;
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
        stored.save(changed, by, clock.instant());
        current.set(changed);
        events.publishEvent(new SettingsChanged(changes));
        return changed;
    }

    private PlatformSettings load() {
        return stored.find().orElseGet(PlatformSettings::defaults);
    }

    private static void validateZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("unknown-time-zone", zone);
        }
    }
}
