package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medops.testing.AdjustableClock;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor sign-in as the production default has it: enforcement on (this class's own context; the shared test
 * configuration turns it off so that other tests sign administrators in with a password), time on a controlled clock
 * so that reused and expired codes are exact.
 */
@MedopsTest
@TestPropertySource(properties = "medops.identity.two-factor.enforce=true")
class TwoFactorIT {

    @LocalServerPort
    int port;

    @Autowired
    AdjustableClock clock;

    @Autowired
    JdbcClient jdbc;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }

    @AfterEach
    void realTime() {
        clock.set(null);
    }

    private Api.Response token(String username, String password, String totp) {
        return new Api(port).post("/api/v1/auth/token", totp == null
                ? "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)
                : "{\"username\":\"%s\",\"password\":\"%s\",\"totp\":\"%s\"}".formatted(username, password, totp));
    }

    private static String code(String secret, Instant at) {
        return Totp.code(secret, Totp.step(at));
    }

    @Test
    void anAdministratorMustEnrolAndThenNeedsAFreshCodeEveryTime() {
        Instant t0 = Instant.parse("2026-12-04T08:00:05Z");
        clock.set(t0);
        Api.Response first = token("admin", MedopsTest.ADMIN_PASSWORD, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("totpEnrolmentRequired").asBoolean()).isTrue();
        Api enrolOnly = new Api(port).withToken(first.json().get("token").asString());

        Api.Response refused = enrolOnly.get("/api/v1/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("totp-enrolment-required");
        assertThat(enrolOnly.post("/api/v1/users", "{}").status()).isEqualTo(403);

        JsonNode enrolment = enrolOnly.post("/api/v1/account/totp", "{}").json();
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString()).startsWith("otpauth://totp/MedOps:admin?secret=" + secret);
        assertThat(enrolment.get("recoveryCodes")).hasSize(10);
        String recovery = enrolment.get("recoveryCodes").get(0).asString();

        Api.Response wrongConfirm = enrolOnly.post("/api/v1/account/totp/confirm", "{\"code\":\"000000\"}");
        assertThat(wrongConfirm.status()).isEqualTo(400);
        assertThat(enrolOnly.post("/api/v1/account/totp/confirm", "{\"code\":\"" + code(secret, t0) + "\"}").status())
                .isEqualTo(204);
        assertThat(enrolOnly.get("/api/v1/account/totp").status()).as("the enrol-only token ended").isEqualTo(401);

        Api.Response withoutCode = token("admin", MedopsTest.ADMIN_PASSWORD, null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.body()).contains("totp-required");

        Api.Response wrong = token("admin", MedopsTest.ADMIN_PASSWORD, "123456".equals(code(secret, t0)) ? "654321" : "123456");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("totp-invalid");

        Api.Response reused = token("admin", MedopsTest.ADMIN_PASSWORD, code(secret, t0));
        assertThat(reused.status()).as("the confirmation used this step").isEqualTo(401);
        assertThat(reused.body()).contains("totp-invalid");

        Instant t1 = t0.plusSeconds(30);
        clock.set(t1);
        Api.Response fresh = token("admin", MedopsTest.ADMIN_PASSWORD, code(secret, t1));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("totpEnrolmentRequired").asBoolean()).isFalse();
        assertThat(new Api(port).withToken(fresh.json().get("token").asString()).get("/api/v1/users").status())
                .isEqualTo(200);
        assertThat(token("admin", MedopsTest.ADMIN_PASSWORD, code(secret, t1)).status()).as("same step twice")
                .isEqualTo(401);

        Instant t2 = t1.plusSeconds(300);
        clock.set(t2);
        assertThat(token("admin", MedopsTest.ADMIN_PASSWORD, code(secret, t2.minusSeconds(90))).status())
                .as("a code three steps old has expired").isEqualTo(401);
        assertThat(token("admin", MedopsTest.ADMIN_PASSWORD, "%s".formatted(code(secret, t2))).status()).isEqualTo(200);

        assertThat(token("admin", MedopsTest.ADMIN_PASSWORD, recovery).status()).isEqualTo(200);
        assertThat(token("admin", MedopsTest.ADMIN_PASSWORD, recovery).status()).as("a recovery code works once")
                .isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from user_recovery_codes c join users u on u.id = c.user_id "
                + "where u.username = 'admin' and c.code_hash = :plain").param("plain", recovery)
                .query(Long.class).single()).as("codes are stored hashed").isZero();
        assertThat(jdbc.sql("select secret from user_totp t join users u on u.id = t.user_id where u.username = 'admin'")
                .query(String.class).single()).as("the secret is sealed").doesNotContain(secret);

        assertThat(audited("user.totp.enable", "admin")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'token' and outcome = 'FAILURE' "
                + "and details like '%totp-reused%'").query(Long.class).single()).isPositive();

        // The security administrator resets it: the account enrols again at its next sign-in.
        Instant t3 = t2.plusSeconds(60);
        clock.set(t3);
        Api admin = new Api(port).withToken(token("admin", MedopsTest.ADMIN_PASSWORD, code(secret, t3)).json()
                .get("token").asString());
        Api.Response created = admin.post("/api/v1/users", """
                {"username":"tf-sec","displayName":"安全管理员（两步验证）","roles":["SECURITY_ADMIN"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String temporary = created.json().get("temporaryPassword").asString();
        String password = "TwoFactor#Sec-2026";
        Api firstLogin = new Api(port).withToken(token("tf-sec", temporary, null).json().get("token").asString());
        assertThat(firstLogin.post("/api/v1/account/password", """
                {"currentPassword":"%s","newPassword":"%s"}""".formatted(temporary, password)).status()).isEqualTo(204);
        Api secEnrol = new Api(port).withToken(token("tf-sec", password, null).json().get("token").asString());
        String secSecret = secEnrol.post("/api/v1/account/totp", "{}").json().get("secret").asString();
        assertThat(secEnrol.post("/api/v1/account/totp/confirm", "{\"code\":\"" + code(secSecret, t3) + "\"}").status())
                .isEqualTo(204);
        clock.set(t3.plusSeconds(30));
        Api security = new Api(port).withToken(token("tf-sec", password, code(secSecret, t3.plusSeconds(30))).json()
                .get("token").asString());
        assertThat(admin.post("/api/v1/users/tf-sec/totp/reset", "{}").status()).as("not the system duty's right")
                .isEqualTo(403);
        assertThat(security.post("/api/v1/users/admin/totp/reset", "{}").status()).isEqualTo(204);
        assertThat(audited("user.totp.reset", "admin")).isEqualTo(1);
        assertThat(admin.get("/api/v1/users").status()).as("the reset ended the admin's tokens").isEqualTo(401);
        Api.Response again = token("admin", MedopsTest.ADMIN_PASSWORD, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("totpEnrolmentRequired").asBoolean()).isTrue();
    }

    private long audited(String action, String target) {
        return jdbc.sql("select count(*) from audit_records where action = :action and target_id = :target "
                        + "and outcome = 'SUCCESS'")
                .param("action", action).param("target", target).query(Long.class).single();
    }
}
