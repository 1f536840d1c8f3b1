package org.medops.reporting.contracts;

/**
 * What the bands compare: the points as scored ({@code AS_SCORED}, the default: seed 001's nine items give 97), or
 * the points scaled to 100 of the items' maximum ({@code SCALED_TO_100}).
 */
public enum BandBasis {
    AS_SCORED, SCALED_TO_100
}
