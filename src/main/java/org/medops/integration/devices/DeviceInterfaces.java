package org.medops.integration.devices;

import java.time.Clock;
import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marking channels as device interfaces: only an existing channel, every change audited. */
@Service
public class DeviceInterfaces {

    private final DeviceInterfaceStore store;
    private final DeviceKeyIndex index;
    private final ChannelDirectory channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DeviceChannels marked;

    DeviceInterfaces(DeviceInterfaceStore store, DeviceKeyIndex index, ChannelDirectory channels,
                     ApplicationEventPublisher events, Clock clock, DeviceChannels marked) {
        this.marked = marked;
        this.store = store;
        this.index = index;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    public List<DeviceInterface> all() {
        return store.all();
    }

    public DeviceInterface get(String channel) {
        return store.find(channel).orElseThrow(() -> ProblemException.notFound("integration-device", channel));
    }

    /** Marks a channel or changes its marking; answers whether it was newly marked. */
    @Transactional
    public boolean save(String channel, DeviceInterface.Marking marking, String actor) {
        if (channel == null || !DeviceInterface.CODE.matcher(channel).matches() || channels.find(channel).isEmpty()) {
            throw ProblemException.notFound("integration-channel", channel);
        }
        if (marking == null) {
            throw ProblemException.invalid("integration-device-invalid", channel);
        }
        DeviceInterface saved = marking.checked(channel, clock.instant(), actor);
        var existing = store.lock(channel);
        store.save(saved);
        marked.changed();
        if (existing.isPresent() && !existing.get().searchKeys().equals(saved.searchKeys())) {
            index.reset(channel);
        }
        // The model is left out: a model name (ABL90) is neither a word nor a code the audit page could name.
        events.publishEvent(new DeviceAction("integration.device.save", channel, List.of(
                FieldChange.of("deviceName", existing.map(DeviceInterface::deviceName).orElse(null), saved.deviceName()),
                FieldChange.of("deviceMaker", existing.map(DeviceInterface::maker).orElse(null), saved.maker()),
                FieldChange.of("deviceSystem", existing.map(DeviceInterface::system).orElse(null), saved.system()),
                FieldChange.of("deviceSearchKeys", existing.map(d -> keys(d)).orElse(null), keys(saved)),
                FieldChange.of("deviceResponsibilities", existing.map(d -> duties(d)).orElse(null), duties(saved)))));
        return existing.isEmpty();
    }

    @Transactional
    public void delete(String channel, String actor) {
        DeviceInterface existing = get(channel);
        store.delete(channel);
        marked.changed();
        events.publishEvent(new DeviceAction("integration.device.delete", channel,
                List.of(FieldChange.of("deviceName", existing.deviceName(), null))));
    }

    private static String keys(DeviceInterface d) {
        return String.join(", ", d.searchKeys().stream().map(k -> k.name() + "=" + k.path()).toList());
    }

    private static String duties(DeviceInterface d) {
        return String.join(", ", d.responsibilities().stream().map(r -> r.failure() + " → " + r.party()).toList());
    }
}
