package org.medops.integration.interop;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The route table of the interoperability interfaces: which channel takes each interaction or resource type.
 * A route names a stored channel whose source reads the kind's data type (XML for HL7 v3, FHIR for FHIR); every
 * change is audited.
 */
@Service
public class InteropRoutes {

    static final int DESCRIPTION_LIMIT = 200;

    private final RouteStore store;
    private final ChannelDirectory channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InteropRoutes(RouteStore store, ChannelDirectory channels, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    public List<InteropRoute> all() {
        return store.all();
    }

    public Optional<InteropRoute> find(String route) {
        return store.find(route);
    }

    public InteropRoute get(String route) {
        return find(route).orElseThrow(() -> ProblemException.notFound("integration-interop-route", route));
    }

    /** Sets (creates or changes) a route; answers whether it was new. */
    @Transactional
    public boolean put(String route, String channel, String description, String actor) {
        InteropRoute.Kind kind = InteropRoute.kindOf(route);
        if (kind == null) {
            throw ProblemException.invalid("integration-interop-route", route);
        }
        if (channel == null || channel.isBlank()) {
            throw ProblemException.invalid("integration-interop-channel-missing");
        }
        String text = description == null ? "" : description.strip();
        if (text.length() > DESCRIPTION_LIMIT) {
            throw ProblemException.invalid("integration-interop-description", DESCRIPTION_LIMIT);
        }
        var target = channels.deployed(channel).orElseThrow(() ->
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "integration-interop-channel", channel));
        String dataType = target.document().source().data().name();
        if (!dataType.equals(kind.dataType())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "integration-interop-channel-data", channel,
                    dataType, kind.dataType());
        }
        Optional<InteropRoute> before = store.lock(route);
        InteropRoute after = new InteropRoute(route, kind, channel, text, clock.instant(), actor);
        store.put(after);
        events.publishEvent(new RouteAction(before.isEmpty() ? "integration.interop.route.create"
                : "integration.interop.route.update", route, List.of(
                FieldChange.of("channel", before.map(InteropRoute::channel).orElse(null), channel),
                FieldChange.of("description", before.map(InteropRoute::description).orElse(null), text))));
        return before.isEmpty();
    }

    /** Sets a route unless it exists (the demo's and the shipped defaults): an operator's choice stays. */
    @Transactional
    public boolean putIfAbsent(String route, String channel, String description, String actor) {
        return find(route).isEmpty() && put(route, channel, description, actor);
    }

    @Transactional
    public void remove(String route, String actor) {
        InteropRoute before = store.lock(route)
                .orElseThrow(() -> ProblemException.notFound("integration-interop-route", route));
        store.remove(route);
        events.publishEvent(new RouteAction("integration.interop.route.delete", route,
                List.of(FieldChange.of("channel", before.channel(), null))));
    }

    public List<InteropCall> calls(String route, int limit) {
        get(route);
        return store.calls(route, Math.max(1, Math.min(limit, 200)));
    }
}
