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
    private final ChannelRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChannelBook(ChannelStore channels, ChannelRules rules, ApplicationEventPublisher events, Clock clock) {
        this.channels = channels;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** Creates or replaces a channel; the text is stored as given so that reading it back returns it unchanged. */
    @Transactional
    public Saved save(String code, String text, String actor) {
        ChannelDocument document = ChannelDirectory.parse(text);
        rules.check(code, document);
        refusePortOfAnother(code, document.source().port());
        refuseCycle(code, document);
        SourceToken.Hashed hashed = SourceToken.hashed(text, document);
        return store(code, hashed.text(), hashed.document(), actor, "integration.channel.save");
    }

    @Transactional
    public Saved revert(String code, int version, String actor) {
        channels.find(code).orElseThrow(() -> ProblemException.notFound("integration-channel", code));
        String text = channels.document(code, version)
                .orElseThrow(() -> ProblemException.notFound("integration-channel-version", code + " v" + version));
        ChannelDocument document = ChannelDirectory.parse(text);
        refusePortOfAnother(code, document.source().port());
        refuseCycle(code, document);
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

    /**
     * A channel writer hands messages to another channel's intake; a chain that comes back to where it started
     * would pass a message round forever, so such a document is refused.
     */
    private void refuseCycle(String code, ChannelDocument document) {
        java.util.Map<String, List<String>> targets = new java.util.HashMap<>();
        for (StoredChannel other : channels.all()) {
            targets.put(other.code(), ChannelDirectory.parse(other.document()).channelTargets());
        }
        targets.put(code, document.channelTargets());
        java.util.Deque<String> next = new java.util.ArrayDeque<>(targets.get(code));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!next.isEmpty()) {
            String at = next.pop();
            if (at.equals(code)) {
                throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "integration-channel-invalid",
                        List.of("integration-channel-cycle"), code);
            }
            if (seen.add(at)) {
                next.addAll(targets.getOrDefault(at, List.of()));
            }
        }
    }

    public record Saved(String code, int version, boolean created) {
    }
}
