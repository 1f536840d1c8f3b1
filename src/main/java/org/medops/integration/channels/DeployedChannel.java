package org.medops.integration.channels;

/** A channel ready to run: its state and its effective document (every default filled in). */
public record DeployedChannel(ChannelState state, ChannelDocument document) {

    public String code() {
        return state.code();
    }
}
