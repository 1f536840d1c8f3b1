package org.medops.integration.intake;

/**
 * Which channels keep the bytes their source received beside the decoded text (device interfaces: the evidence
 * of what a device really sent). Without such a bean no channel keeps them.
 */
public interface ReceivedBytesPolicy {

    boolean keeps(String channel);
}
