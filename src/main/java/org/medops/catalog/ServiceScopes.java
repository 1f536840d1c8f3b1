package org.medops.catalog;

import org.medops.dataaccess.Scope;
import org.medops.dataaccess.ScopeDirectory;
import org.springframework.stereotype.Component;

/** The gateway services a sensitive-data grant may name (their captured bodies and headers). */
@Component
class ServiceScopes implements ScopeDirectory {

    private final Services services;

    ServiceScopes(Services services) {
        this.services = services;
    }

    @Override
    public Scope.Kind kind() {
        return Scope.Kind.SERVICE;
    }

    @Override
    public boolean exists(String ref) {
        return services.find(ref).isPresent();
    }
}
