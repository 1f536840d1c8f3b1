package org.medops.integration.channels;

/**
 * Answers whether something a channel document names by code exists, so that a channel naming an unknown
 * target is refused when saved ({@code integration-source-target}, {@code integration-destination-target}).
 * Implemented where those things live (registered JDBC targets, notify targets).
 */
public interface ChannelReferences {

    String JDBC_TARGET = "jdbc-target";
    String NOTIFY_TARGET = "notify-target";

    String kind();

    boolean exists(String code);
}
