package org.medops.integration.store;

/** Where a message is: stored, dropped by the filter (or a duplicate), waiting in a queue, delivered everywhere, or failed. */
public enum MessageStatus { RECEIVED, FILTERED, QUEUED, SENT, ERRORED }
