package org.medops.integration.registry;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.medops.shared.ProblemException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The registry's API to other modules (the demo): register a service once, ask for a subscription, move it on. */
@Service
public class ServiceRegistrations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Registry registry;
    private final RegistryStore store;

    ServiceRegistrations(Registry registry, RegistryStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** Registers the service unless one of that code is registered already; answers whether it did. */
    public boolean registerOnce(String code, String name, String system, String kind, String messageType,
                                String messageVersion, String schema, String owner, String actor) {
        if (store.find(code).isPresent()) {
            return false;
        }
        registry.register(Registry.ServiceForm.of(code, name, system, kind, messageType, messageVersion, schema, owner),
                actor);
        return true;
    }

    /** Asks for a subscription ({@code delivery} a destination's JSON); its id. */
    public long subscribe(String service, String system, String delivery, String filter, String actor) {
        return registry.subscribe(new Registry.SubscriptionForm(service, system, JSON.readTree(delivery), filter), actor)
                .id();
    }

    /** Which system publishes each channel: the registered services' publishing channels, by channel code. */
    public Map<String, String> publishingSystems() {
        Map<String, String> systems = new TreeMap<>();
        store.all().stream().filter(s -> s.channel() != null)
                .forEach(s -> systems.putIfAbsent(s.channel(), s.systemCode()));
        return systems;
    }

    /**
     * Which system receives each destination that a subscription put on a publishing channel, keyed
     * {@code channel/destination}: every subscription that was ever approved (a suspended or cancelled one still has
     * the volume it received).
     */
    public Map<String, String> subscribingSystems() {
        Map<String, String> channelOf = new TreeMap<>();
        store.all().stream().filter(s -> s.channel() != null).forEach(s -> channelOf.put(s.code(), s.channel()));
        Map<String, String> systems = new TreeMap<>();
        for (Subscription subscription : store.subscriptions()) {
            String channel = channelOf.get(subscription.serviceCode());
            if (channel != null && subscription.decidedAt() != null
                    && subscription.status() != SubscriptionStatus.REJECTED) {
                systems.put(channel + "/" + subscription.destination(), subscription.systemCode());
            }
        }
        return systems;
    }

    /** Approve, reject, suspend, resume or cancel, as an administrator. */
    public void move(long id, String step, String actor) {
        registry.move(id, step, new Registry.Actor(actor, true));
    }

    public boolean hasSubscriptions(String service) {
        return !store.subscriptionsOf(service).isEmpty();
    }

    /** The status of a registered service, if there is one. */
    public Optional<String> status(String code) {
        try {
            return Optional.of(registry.get(code).status().name());
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }
}
