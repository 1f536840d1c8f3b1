package org.medops.integration;

import org.medops.integration.registry.ServiceRegistrations;
import org.springframework.stereotype.Service;

/** The engine's service registry to other modules (the demo): services, subscriptions and their steps. */
@Service
public class IntegrationRegistry {

    private final ServiceRegistrations registrations;

    IntegrationRegistry(ServiceRegistrations registrations) {
        this.registrations = registrations;
    }

    public boolean registerOnce(String code, String name, String system, String kind, String messageType,
                                String messageVersion, String schema, String owner, String actor) {
        return registrations.registerOnce(code, name, system, kind, messageType, messageVersion, schema, owner, actor);
    }

    public long subscribe(String service, String system, String delivery, String filter, String actor) {
        return registrations.subscribe(service, system, delivery, filter, actor);
    }

    public void move(long id, String step, String actor) {
        registrations.move(id, step, actor);
    }

    public boolean hasSubscriptions(String service) {
        return registrations.hasSubscriptions(service);
    }
}
