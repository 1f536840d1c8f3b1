package org.medops.notify;

/** A configured destination; the DingTalk signing secret is stored sealed and never shown again. */
record Target(long id, String name, TargetKind kind, String address, String sealedSecret, boolean enabled) {
}
