/**
 * Alert rules over the gateway's traffic and nodes (预警消息): evaluated every few seconds, one open
 * alert per rule and subject, resolved by itself when the condition clears, acknowledged or resolved by
 * people, announced through the notifiers and as {@code AlertRaised} / {@code AlertResolved} events.
 */
package org.medops.alerting;
