package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.medops.shared.ProblemException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserLockoutTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));

    private static User user() {
        return User.create("nurse", "护士", null, "hash", false, Set.of(), T0);
    }

    @Nested
    class Lockout {
        @Test
        void locksOnTheFifthConsecutiveFailureForFifteenMinutes() {
            User user = user();
            for (int i = 1; i <= 4; i++) {
                assertThat(user.loginFailed(T0.plusSeconds(i), policy)).isFalse();
            }
            assertThat(user.loginFailed(T0.plusSeconds(5), policy)).isTrue();
            assertThat(user.isLocked(T0.plusSeconds(5))).isTrue();
            assertThat(user.isLocked(T0.plusSeconds(5).plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
            assertThat(user.isLocked(T0.plusSeconds(5).plus(Duration.ofMinutes(15)))).isFalse();
        }

        @Test
        void failuresWhileLockedDoNotExtendTheLock() {
            User user = user();
            for (int i = 1; i <= 5; i++) {
                user.loginFailed(T0, policy);
            }
            Instant until = user.lockedUntil();
            user.loginFailed(T0.plusSeconds(60), policy);
            assertThat(user.lockedUntil()).isEqualTo(until);
        }

        @Test
        void startsCountingAfreshOnceTheLockHasExpired() {
            User user = user();
            for (int i = 1; i <= 5; i++) {
                user.loginFailed(T0, policy);
            }
            Instant later = T0.plus(Duration.ofMinutes(16));
            assertThat(user.loginFailed(later, policy)).isFalse();
            assertThat(user.isLocked(later)).isFalse();
            assertThat(user.failedAttempts()).isEqualTo(1);
        }

        @Test
        void aSuccessfulLoginResetsTheCount() {
            User user = user();
            for (int i = 1; i <= 4; i++) {
                user.loginFailed(T0, policy);
            }
            user.loginSucceeded(T0.plusSeconds(10));
            assertThat(user.loginFailed(T0.plusSeconds(11), policy)).isFalse();
            assertThat(user.failedAttempts()).isEqualTo(1);
        }
    }

    @Test
    void neverGivesTwoSeparatedAdministratorDutiesToOnePerson() {
        User user = user();
        assertThatThrownBy(() -> user.assignRoles(Set.of("SYSTEM_ADMIN", "AUDIT_ADMIN")))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("separated-duties");
        user.assignRoles(Set.of("AUDIT_ADMIN", "READ_ONLY"));
        assertThat(user.roles()).containsExactlyInAnyOrder("AUDIT_ADMIN", "READ_ONLY");
    }
}
