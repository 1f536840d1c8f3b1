package org.medops.portal.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.medops.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Registration is open to anyone and every one of them notifies the administrators, so one address may
 * register only a few times an hour (per node; a registration is a person, not a burst).
 */
@Component
class RegistrationThrottle {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final int perHour;
    private final Clock clock;

    RegistrationThrottle(@Value("${medops.portal.registrations-per-hour:5}") int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    void admit(String clientAddress) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(clientAddress == null ? "?" : clientAddress, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - HOUR) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "registration-throttled", perHour);
            }
            times.addLast(now);
        }
        recent.values().removeIf(t -> {
            synchronized (t) {
                return t.isEmpty();
            }
        });
    }
}
