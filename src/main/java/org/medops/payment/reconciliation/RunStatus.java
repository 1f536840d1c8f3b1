package org.medops.payment.reconciliation;

/** A run's place among its day's runs; the console's label is {@code recon.status.<name>}. */
public enum RunStatus {
    /** The day's latest run: its mismatches are the ones to handle. */
    RECONCILED,
    /** The day was run again since; this run is kept for the record. */
    SUPERSEDED,
    /** Every mismatch was handled and the day closed on this run. */
    CLOSED
}
