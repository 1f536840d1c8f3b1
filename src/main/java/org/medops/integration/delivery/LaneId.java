package org.medops.integration.delivery;

/** One consumer's share of a destination's queue: the whole queue (lane 0 of 1) or one lane of a parallel one. */
record LaneId(String channel, String destination, int lane) {

    @Override
    public String toString() {
        return channel + "/" + destination + "#" + lane;
    }
}
