package org.medops.integration;

import org.medops.dataaccess.Scope;
import org.medops.dataaccess.ScopeDirectory;
import org.medops.integration.channels.ChannelDirectory;
import org.springframework.stereotype.Component;

/** The integration channels a sensitive-data grant may name (their messages). */
@Component
class ChannelScopes implements ScopeDirectory {

    private final ChannelDirectory channels;

    ChannelScopes(ChannelDirectory channels) {
        this.channels = channels;
    }

    @Override
    public Scope.Kind kind() {
        return Scope.Kind.CHANNEL;
    }

    @Override
    public boolean exists(String ref) {
        return channels.find(ref).isPresent();
    }
}
