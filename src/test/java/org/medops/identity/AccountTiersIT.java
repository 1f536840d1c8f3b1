package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medops.settings.Settings;
import org.medops.testing.AdjustableClock;
import org.medops.testing.Api;
import org.medops.testing.ConsoleSession;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Superuser accounts are marked and get shorter sessions; dormant accounts are disabled on the controlled clock. */
@MedopsTest
class AccountTiersIT {

    private static final String PASSWORD = "Tiers#Account-2026";

    @LocalServerPort
    int port;

    @Autowired
    AdjustableClock clock;

    @Autowired
    DormantAccounts dormant;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Settings settings;

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
        // The dormant sweep 91 days ahead also disables the other tests' fixture administrators: they are back.
        jdbc.sql("update users set enabled = true where username like 'fixture-%'").update();
    }

    @Test
    void anAccountWithoutSignInForNinetyDaysIsDisabledWithNoticeAndAuditEntry() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        admin.newUser("idle-" + suffix, "长期未登录", PASSWORD, "OPS_ENGINEER");
        new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser("busy-" + suffix, "常登录", PASSWORD, "OPS_ENGINEER");
        Instant start = Instant.now();

        clock.set(start.plus(60, ChronoUnit.DAYS));
        new Api(port).as("busy-" + suffix, PASSWORD);
        clock.set(start.plus(91, ChronoUnit.DAYS));
        List<String> disabled = dormant.disableDormant();

        assertThat(disabled).contains("idle-" + suffix).doesNotContain("busy-" + suffix, "admin");
        assertThat(new Api(port).post("/api/v1/auth/token", "{\"username\":\"idle-%s\",\"password\":\"%s\"}"
                .formatted(suffix, PASSWORD)).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'user.dormant-disable' and target_id = :u")
                .param("u", "idle-" + suffix).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from user_messages where username = 'admin' and body like :who")
                .param("who", "%idle-" + suffix + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(dormant.disableDormant()).as("once").doesNotContain("idle-" + suffix);
    }

    @Test
    void superusersAreMarkedAndTheirSessionsAreShorter() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        assertThat(admin.get("/api/v1/users/admin").json().get("superuser").asBoolean()).isTrue();
        assertThat(new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD).get("/users").body())
                .contains("medops-superuser");

        Duration superuser = Duration.ofMinutes(15);
        assertThat(SecurityConfiguration.sessionTimeout(settings, superuser, signedIn("identity:user:write")))
                .isEqualTo(superuser);
        assertThat(SecurityConfiguration.sessionTimeout(settings, superuser, signedIn("opsdesk:read")))
                .isEqualTo(settings.current().sessionTimeout()).isGreaterThan(superuser);
    }

    @Test
    void aCustomRoleWithASeparatedDutyMakesASuperuserWithTheShorterToken() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String role = "ACCOUNT_DESK_" + suffix;
        assertThat(admin.securityAdmin().post("/api/v1/roles", """
                {"code":"%s","name":"账号专员","permissions":["identity:user:read","identity:user:write"]}"""
                .formatted(role)).status()).isEqualTo(201);
        admin.newUser("desk-" + suffix.toLowerCase(), "账号专员", PASSWORD, role);
        admin.newUser("eng-" + suffix.toLowerCase(), "运维工程师", PASSWORD, "OPS_ENGINEER");
        assertThat(admin.get("/api/v1/users/desk-" + suffix.toLowerCase()).json().get("superuser").asBoolean())
                .as("a custom role holding a separated duty").isTrue();
        assertThat(admin.get("/api/v1/users/eng-" + suffix.toLowerCase()).json().get("superuser").asBoolean()).isFalse();
        assertThat(new ConsoleSession(port).login("admin", MedopsTest.ADMIN_PASSWORD).get("/users?q=desk-" + suffix.toLowerCase())
                .body()).contains("medops-superuser");

        Instant before = Instant.now();
        Instant deskUntil = tokenExpiry("desk-" + suffix.toLowerCase());
        Instant engineerUntil = tokenExpiry("eng-" + suffix.toLowerCase());
        Instant adminUntil = tokenExpiry("admin", MedopsTest.ADMIN_PASSWORD);
        // application-test.yml: superusers 4 h, everyone else the platform's 8 h.
        assertThat(Duration.between(before, deskUntil)).isBetween(Duration.ofHours(4).minusMinutes(1), Duration.ofHours(4).plusMinutes(1));
        assertThat(Duration.between(before, adminUntil)).isBetween(Duration.ofHours(4).minusMinutes(1), Duration.ofHours(4).plusMinutes(1));
        assertThat(Duration.between(before, engineerUntil)).isBetween(Duration.ofHours(8).minusMinutes(1), Duration.ofHours(8).plusMinutes(1));
    }

    private Instant tokenExpiry(String username) {
        return tokenExpiry(username, PASSWORD);
    }

    private Instant tokenExpiry(String username, String password) {
        Api.Response token = new Api(port).post("/api/v1/auth/token", "{\"username\":\"%s\",\"password\":\"%s\"}"
                .formatted(username, password));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return Instant.parse(token.json().get("expiresAt").asString());
    }

    private static UsernamePasswordAuthenticationToken signedIn(String permission) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null,
                Set.of(new SimpleGrantedAuthority(permission)));
    }
}
