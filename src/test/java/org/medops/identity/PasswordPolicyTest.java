package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(10, 3, 5);

    @Nested
    class Refuses {
        @Test
        void passwordsShorterThanTheMinimum() {
            assertThat(policy.violations("nurse", "Ab1!xyz")).containsExactly("password-too-short");
        }

        @Test
        void passwordsWithFewerThanThreeCharacterClasses() {
            assertThat(policy.violations("nurse", "abcdefghij12")).containsExactly("password-too-simple");
        }

        @Test
        void thePasswordEqualToTheUsernameWhateverItsCase() {
            assertThat(policy.violations("Zhang.Wei-01", "zhang.wei-01")).contains("password-equals-username");
        }

        @Test
        void aMissingPassword() {
            assertThat(policy.violations("nurse", null)).containsExactly("password-too-short");
        }
    }

    @Nested
    class Accepts {
        @Test
        void tenCharactersFromThreeClasses() {
            assertThat(policy.violations("nurse", "Hospital2026")).isEmpty();
        }

        @Test
        void chineseCharactersCountAsTheSymbolClass() {
            assertThat(PasswordPolicy.characterClasses("医院abc123")).isEqualTo(3);
        }
    }

    @Test
    void generatedTemporaryPasswordsAlwaysPass() {
        PasswordPolicy strictest = new PasswordPolicy(20, 4, 24);
        for (int i = 0; i < 200; i++) {
            assertThat(strictest.violations("admin", TemporaryPassword.generate())).isEmpty();
        }
    }
}
