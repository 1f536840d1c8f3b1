package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B: every time, every algorithm, eight digits. */
    @ParameterizedTest(name = "T={0}")
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_KEY, step, "HmacSHA1", 8)).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_KEY, step, "HmacSHA256", 8)).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_KEY, step, "HmacSHA512", 8)).isEqualTo(sha512);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValueAsAuthenticatorAppsShowThem() {
        String secret = Totp.base32(SHA1_KEY);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.decodeBase32(secret)).isEqualTo(SHA1_KEY);
    }

    @Nested
    class Matching {
        private final String secret = Totp.newSecret();
        private final Instant now = Instant.parse("2026-12-04T08:00:10Z");

        @Test
        void acceptsTheCurrentStepAndOneStepOfDriftEitherWay() {
            long step = Totp.step(now);
            assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
            assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
            assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        }

        @Test
        void refusesAnExpiredCodeAndMalformedInput() {
            long step = Totp.step(now);
            assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
            assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
            assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
            assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
        }
    }

    @Test
    void theOtpauthUriNamesIssuerAccountAndParameters() {
        assertThat(Totp.uri("MedOps", "admin", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/MedOps:admin?secret=JBSWY3DPEHPK3PXP&issuer=MedOps&algorithm=SHA1&digits=6&period=30");
    }
}
