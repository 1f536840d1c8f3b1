package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A script's API key: only its scopes, never a password sign-in, expiry and revocation at once, all audited. */
@MedopsTest
class ServiceAccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScopedKeyOpensItsScopesOnlyUntilItExpiresOrIsRevoked() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String name = "svc-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = admin.post("/api/v1/service-accounts",
                "{\"username\":\"%s\",\"displayName\":\"HIS 对账脚本\"}".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        String expires = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        Api.Response separated = admin.post("/api/v1/service-accounts/" + name + "/keys", """
                {"name":"越权","scopes":["identity:user:write"],"expiresAt":"%s"}""".formatted(expires));
        assertThat(separated.status()).isEqualTo(400);
        assertThat(separated.body()).contains("scope-separated-duty");
        assertThat(admin.post("/api/v1/service-accounts/" + name + "/keys", """
                {"name":"太久","scopes":["catalog:service:read"],"expiresAt":"%s"}"""
                .formatted(Instant.now().plus(800, ChronoUnit.DAYS))).body()).contains("key-expiry-out-of-range");

        Api.Response issued = admin.post("/api/v1/service-accounts/" + name + "/keys", """
                {"name":"目录只读","scopes":["catalog:service:read"],"expiresAt":"%s"}""".formatted(expires));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String key = issued.json().get("key").asString();
        long id = issued.json().get("id").asLong();
        assertThat(key).startsWith("mdk_");

        Api script = new Api(port).withToken(key);
        assertThat(script.get("/api/v1/services").status()).as("in scope").isEqualTo(200);
        assertThat(script.get("/api/v1/users").status()).as("out of scope").isEqualTo(403);
        assertThat(script.get("/api/v1/channels").status()).as("out of scope").isEqualTo(403);

        assertThat(admin.get("/api/v1/service-accounts/" + name + "/keys").body()).doesNotContain(key)
                .contains("目录只读");
        assertThat(jdbc.sql("select count(*) from api_keys where key_hash = :key").param("key", key)
                .query(Long.class).single()).as("stored hashed").isZero();
        assertThat(new Api(port).post("/api/v1/auth/token", "{\"username\":\"%s\",\"password\":\"x\"}".formatted(name))
                .status()).as("no password sign-in").isEqualTo(401);

        jdbc.sql("update api_keys set expires_at = now() - interval '1 second' where id = :id").param("id", id).update();
        assertThat(script.get("/api/v1/services").status()).as("expired").isEqualTo(401);

        String second = admin.post("/api/v1/service-accounts/" + name + "/keys", """
                {"name":"第二把","scopes":["catalog:service:read"],"expiresAt":"%s"}""".formatted(expires))
                .json().get("key").asString();
        Api other = new Api(port).withToken(second);
        assertThat(other.get("/api/v1/services").status()).isEqualTo(200);
        long secondId = jdbc.sql("select id from api_keys where key_hash = :hash")
                .param("hash", ApiTokens.hash(second)).query(Long.class).single();
        assertThat(admin.post("/api/v1/service-accounts/" + name + "/keys/" + secondId + "/revoke", "{}").status())
                .isEqualTo(204);
        assertThat(other.get("/api/v1/services").status()).as("revoked").isEqualTo(401);

        assertThat(jdbc.sql("select count(*) from audit_records where target_id = :name and action in "
                        + "('service-account.create', 'api-key.issue', 'api-key.revoke')")
                .param("name", name).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_records where details like :key").param("key", "%" + second + "%")
                .query(Long.class).single()).as("the key never reaches the trail").isZero();
    }
}
