package org.medops.opsdesk.defects;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** open → acknowledged by R&D → fixing → fixed in a version → verified → closed. */
enum DefectStatus {
    OPEN, ACKNOWLEDGED, FIXING, FIXED, VERIFIED, CLOSED;

    private static final Map<DefectStatus, Set<DefectStatus>> NEXT = Map.of(
            OPEN, EnumSet.of(ACKNOWLEDGED, CLOSED),
            ACKNOWLEDGED, EnumSet.of(FIXING, FIXED, CLOSED),
            FIXING, EnumSet.of(FIXED, CLOSED),
            FIXED, EnumSet.of(VERIFIED, FIXING),
            VERIFIED, EnumSet.of(CLOSED, FIXING),
            CLOSED, EnumSet.noneOf(DefectStatus.class));

    Set<DefectStatus> next() {
        return NEXT.get(this);
    }

    /** Verified or closed: nothing left for R&D to do, so the report counts it as closed. */
    public boolean done() {
        return this == VERIFIED || this == CLOSED;
    }

    public String badge() {
        return switch (this) {
            case OPEN -> "bg-red-lt";
            case ACKNOWLEDGED -> "bg-blue-lt";
            case FIXING -> "bg-orange-lt";
            case FIXED -> "bg-cyan-lt";
            case VERIFIED -> "bg-green-lt";
            case CLOSED -> "bg-secondary-lt";
        };
    }
}
