package org.medops.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Nonces seen within the replay window, in one bucket per slice of time: expiry drops a whole
 * bucket, never scans entries, so the event loop never stalls. Keys are 64-bit hashes kept in
 * primitive arrays: a million nonces cost 16 MB, the garbage collector never copies them entry by
 * entry, and a false "replay" has odds below 1e-7.
 */
final class NonceMemory {

    private static final int BUCKETS = 12;

    private final long sliceNanos;
    private final AtomicReferenceArray<Bucket> buckets = new AtomicReferenceArray<>(BUCKETS);

    NonceMemory(Duration window) {
        // Ten slices cover the window; the two spare ones are being emptied or filled.
        this.sliceNanos = window.toNanos() / (BUCKETS - 2);
    }

    boolean firstUse(String key, long nowNanos) {
        long slice = Math.floorDiv(nowNanos, sliceNanos);
        long hash = hash64(key);
        for (int age = 0; age < BUCKETS - 1; age++) {
            Bucket bucket = buckets.get((int) Math.floorMod(slice - age, BUCKETS));
            if (bucket != null && bucket.slice == slice - age && bucket.keys.contains(hash)) {
                return false;
            }
        }
        return current(slice).keys.add(hash);
    }

    private Bucket current(long slice) {
        int index = (int) Math.floorMod(slice, BUCKETS);
        while (true) {
            Bucket bucket = buckets.get(index);
            if (bucket != null && bucket.slice == slice) {
                return bucket;
            }
            Bucket fresh = new Bucket(slice);
            if (buckets.compareAndSet(index, bucket, fresh)) {
                return fresh;
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then a final mix (SplitMix64) to spread the bits. */
    static long hash64(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private record Bucket(long slice, LongSet keys) {
        Bucket(long slice) {
            this(slice, new LongSet());
        }
    }

    /** Open addressing over a long[]; 0 marks a free slot, so the key 0 is stored as 1. */
    static final class LongSet {
        private long[] slots = new long[1024];
        private int size;

        synchronized boolean contains(long key) {
            long k = key == 0 ? 1 : key;
            int mask = slots.length - 1;
            for (int i = (int) (k ^ (k >>> 32)) & mask; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == k) {
                    return true;
                }
            }
            return false;
        }

        synchronized boolean add(long key) {
            long k = key == 0 ? 1 : key;
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = (int) (k ^ (k >>> 32)) & mask;
            for (; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == k) {
                    return false;
                }
            }
            slots[i] = k;
            size++;
            return true;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long k : old) {
                if (k != 0) {
                    int i = (int) (k ^ (k >>> 32)) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = k;
                }
            }
        }
    }
}
