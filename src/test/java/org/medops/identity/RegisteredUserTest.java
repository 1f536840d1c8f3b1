package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

class RegisteredUserTest {

    private static User registered() {
        return User.registered("Dev.Li", "李工", "li@partner.test", "hash", Set.of("DEVELOPER"), Instant.EPOCH);
    }

    @Nested
    class BeforeTheDecision {

        @Test
        void waitsWithoutAChannelAndWithThePasswordItChose() {
            User user = registered();
            assertThat(user.username()).isEqualTo("dev.li");
            assertThat(user.awaitingApproval()).isTrue();
            assertThat(user.channelCode()).isNull();
            assertThat(user.mustChangePassword()).as("the developer chose it").isFalse();
        }
    }

    @Nested
    class TheDecision {

        @Test
        void approvalBindsTheChannelAndEndsTheWait() {
            User user = registered();
            user.approve("app-1");
            assertThat(user.awaitingApproval()).isFalse();
            assertThat(user.channelCode()).isEqualTo("app-1");
            assertThat(user.enabled()).isTrue();
        }

        @Test
        void refusalDisablesTheAccountForGood() {
            User user = registered();
            user.refuse();
            assertThat(user.registrationRefused()).isTrue();
            assertThat(user.enabled()).isFalse();
            assertThatThrownBy(() -> user.approve("app-1")).isInstanceOf(ProblemException.class);
        }

        @Test
        void anAccountMadeByAnAdministratorHasNothingToApprove() {
            User staff = User.create("nurse", "护士", null, "hash", true, Set.of("READ_ONLY"), Instant.EPOCH);
            assertThat(staff.awaitingApproval()).isFalse();
            assertThatThrownBy(() -> staff.approve("app-1")).isInstanceOf(ProblemException.class);
        }
    }
}
