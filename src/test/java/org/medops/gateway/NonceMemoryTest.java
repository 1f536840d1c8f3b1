package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class NonceMemoryTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final NonceMemory memory = new NonceMemory(Duration.ofMinutes(10));

    @Test
    void refusesANonceSeenWithinTheWindow() {
        assertThat(memory.firstUse("ak1:nonce-a", 0)).isTrue();
        assertThat(memory.firstUse("ak1:nonce-a", 9 * MINUTE)).isFalse();
        assertThat(memory.firstUse("ak2:nonce-a", 9 * MINUTE)).as("another channel's nonce").isTrue();
    }

    @Test
    void forgetsANonceOnceTheWindowHasPassed() {
        assertThat(memory.firstUse("ak1:nonce-b", 0)).isTrue();
        assertThat(memory.firstUse("ak1:nonce-b", 12 * MINUTE)).isTrue();
    }

    @Test
    void remembersHundredsOfThousandsWithoutFalseReplays() {
        for (int i = 0; i < 300_000; i++) {
            assertThat(memory.firstUse("ak:" + i, i * 1_000L)).isTrue();
        }
        assertThat(memory.firstUse("ak:123456", 400_000_000L)).isFalse();
    }

    @Test
    void storesTheZeroHashLikeAnyOther() {
        NonceMemory.LongSet set = new NonceMemory.LongSet();
        assertThat(set.add(0)).isTrue();
        assertThat(set.contains(0)).isTrue();
        assertThat(set.add(0)).isFalse();
    }
}
