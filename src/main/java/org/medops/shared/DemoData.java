package org.medops.shared;

/**
 * Demo data a module adds with {@code --demo}, seeded once the platform is up. The demo module runs every
 * one of them on its own, so a failing seed is logged and skipped and never stops the platform.
 */
public interface DemoData {

    /** What this seeds, for the log. */
    String name();

    /** Adds what is missing; seeding again adds nothing. */
    void seed();
}
