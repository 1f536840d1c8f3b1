package org.medops.integration.channels;

import java.time.Clock;
import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing channels: save a document (a new version each time), revert to an old one, enable, disable. */
@Service
public class ChannelBook {

    private final ChannelStore channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<ChannelReferences> references;

    ChannelBook(ChannelStore channels, ApplicationEventPublisher events, Clock clock, List<ChannelReferences> references) {
        this.channels = channels;
        this.references = List.copyOf(references);
        this.events = events;
        this.clock = clock;
    }

    /** Creates or replaces a channel; the text is stored as given so that reading it back returns it unchanged. */
    @Transactional
    public Saved save(String code, String text, String actor) {
        ChannelDocument document = ChannelDirectory.parse(text);
        ChannelValidation.check(code, document, references);
        refusePortOfAnother(code, document.source().port());
        return store(code, text, document, actor, "integration.channel.save");
    }

    @Transactional
    public Saved revert(String code, int version, String actor) {
        channels.find(code).orElseThrow(() -> ProblemException.notFound("integration-channel", code));
        String text = channels.document(code, version)
                .orElseThrow(() -> ProblemException.notFound("integration-channel-version", code + " v" + version));
        ChannelDocument document = ChannelDirectory.parse(text);
        refusePortOfAnother(code, document.source().port());
        return store(code, text, document, actor, "integration.channel.revert");
    }

    @Transactional
    public StoredChannel enable(String code, boolean enabled, String actor) {
        StoredChannel channel = channels.lock(code)
                .orElseThrow(() -> ProblemException.notFound("integration-channel", code));
        if (channel.enabled() != enabled) {
            channels.enable(code, enabled, clock.instant(), actor);
            events.publishEvent(new ChannelAction(enabled ? "integration.channel.enable" : "integration.channel.disable",
                    code, List.of(FieldChange.of("enabled", channel.enabled(), enabled))));
        }
        return channels.find(code).orElseThrow();
    }

    private Saved store(String code, String text, ChannelDocument document, String actor, String action) {
        var existing = channels.lock(code);
        int version;
        if (existing.isEmpty()) {
            channels.insert(code, text, true, clock.instant(), actor);
            version = 1;
        } else {
            version = channels.update(code, text, clock.instant(), actor);
        }
        events.publishEvent(new ChannelAction(action, code, List.of(
                FieldChange.of("version", existing.map(StoredChannel::version).orElse(null), version),
                FieldChange.of("name", existing.map(c -> ChannelDirectory.parse(c.document()).name()).orElse(null),
                        document.name()))));
        return new Saved(code, version, existing.isEmpty());
    }

    /** Two channels cannot listen on one port: the second would never get a message. */
    private void refusePortOfAnother(String code, Integer port) {
        if (port == null) {
            return;
        }
        for (StoredChannel other : channels.all()) {
            if (!other.code().equals(code) && port.equals(ChannelDirectory.parse(other.document()).source().port())) {
                throw ProblemException.conflict("integration-channel-port-taken", port, other.code());
            }
        }
    }

    public record Saved(String code, int version, boolean created) {
    }
}
