/**
 * The tamper-evident audit trail: every state change, login, logout and permission denial becomes an
 * append-only record chained to the previous one by SHA-256. It listens to {@code AuditableEvent}s;
 * business code never calls it by name. Only audit administrators read, verify and export it.
 */
package org.medops.audit;
