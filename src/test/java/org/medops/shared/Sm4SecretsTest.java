package org.medops.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sm4SecretsTest {

    static final String KEY = "q83vEjRWeJHL5UgOtFmq0ffHL7rtTTJ3h6mqGxhp9WU=";

    @TempDir
    Path dir;

    Secrets under(String suite) throws IOException {
        return new Secrets(KEY, dir, suite);
    }

    @Nested
    class Commercial {

        @Test
        void sealsWithSm4GcmAndOpensAgain() throws IOException {
            Secrets secrets = under("commercial");
            String sealed = secrets.seal("渠道密钥 app-secret-1");
            assertThat(sealed).startsWith("sm4:").doesNotContain("app-secret");
            assertThat(secrets.open(sealed)).isEqualTo("渠道密钥 app-secret-1");
            assertThat(secrets.seal("same")).as("a fresh nonce each time").isNotEqualTo(secrets.seal("same"));
            assertThat(secrets.sealedUnderSuite(sealed)).isTrue();
        }

        @Test
        void opensWhatWasSealedWithAesBeforeTheSwitch() throws IOException {
            String legacy = under("international").seal("old secret");
            assertThat(legacy).doesNotStartWith("sm4:");

            Secrets commercial = under("commercial");
            assertThat(commercial.open(legacy)).isEqualTo("old secret");
            assertThat(commercial.sealedUnderSuite(legacy)).isFalse();
        }

        @Test
        void resealsAnAesValueUnderSm4() throws IOException {
            String legacy = under("international").seal("old secret");
            Secrets commercial = under("commercial");
            String resealed = commercial.reseal(legacy);
            assertThat(resealed).startsWith("sm4:");
            assertThat(commercial.open(resealed)).isEqualTo("old secret");
            assertThat(under("international").open(resealed)).as("any node opens either form").isEqualTo("old secret");
        }

        @Test
        void aChangedSealedByteIsRefused() throws IOException {
            Secrets secrets = under("commercial");
            String sealed = secrets.seal("secret");
            // Flip one bit of the sealed bytes themselves: a changed Base64 padding bit would decode to the same bytes.
            byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(Secrets.SM4_PREFIX.length()));
            bytes[bytes.length / 2] ^= 1;
            String tampered = Secrets.SM4_PREFIX + java.util.Base64.getEncoder().encodeToString(bytes);
            assertThatThrownBy(() -> secrets.open(tampered)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class International {

        @Test
        void keepsTheUnprefixedAesFormatByDefault() throws IOException {
            Secrets secrets = under("");
            assertThat(secrets.suite()).isEqualTo(CryptoSuite.INTERNATIONAL);
            String sealed = secrets.seal("secret");
            assertThat(sealed).doesNotContain(":");
            assertThat(secrets.open(sealed)).isEqualTo("secret");
            assertThat(secrets.sealedUnderSuite(under("commercial").seal("x"))).isFalse();
        }

        @Test
        void refusesAnUnknownSuite() {
            assertThatThrownBy(() -> under("rot13")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("international or commercial");
        }
    }

    @Test
    void sm3DigestsTheStandardTestVector() {
        // GB/T 32905-2016, example 1: SM3("abc").
        assertThat(CryptoSuite.Digest.SM3.hex("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
