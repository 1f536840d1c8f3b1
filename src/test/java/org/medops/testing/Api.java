package org.medops.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running console port, as a script would call it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    public Api(int port) {
        this("http://localhost:" + port);
    }

    private Api(String base) {
        this.base = base;
    }

    public Api as(String username, String password) {
        return signIn("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", username);
    }

    /** Signs in an account that has two-factor sign-in on, with a fresh code of its secret. */
    public Api as(String username, String password, String totpSecret) {
        return signIn("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"totp\":\""
                + TotpCodes.next(totpSecret) + "\"}", username);
    }

    private Api signIn(String body, String username) {
        Response response = post("/api/v1/auth/token", body);
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.body());
        }
        token = response.json().get("token").asString();
        return this;
    }

    /** The security and audit administrators every test database gets, to approve separated-duty accounts. */
    public static final String SECURITY_FIXTURE = "fixture-sec";
    public static final String AUDIT_FIXTURE = "fixture-aud";
    public static final String FIXTURE_PASSWORD = "Fixture#Duty-2026";

    private static final java.util.Set<String> APPROVERS_READY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Creates an account as this (system administrator) client and completes its first login: the
     * administrator's password is temporary, so the person replaces it with {@code password}. An account
     * that holds a separated duty cannot get a chosen password: it is proposed, approved by the fixture
     * security (or, for security administrators, audit) administrator, and signs in with the two halves.
     */
    public Api newUser(String username, String displayName, String password, String... roles) {
        ensureApprovers();
        String temporary = "Temp#" + password;
        String roleList = roles.length == 0 ? "" : "\"" + String.join("\",\"", roles) + "\"";
        Response created = post("/api/v1/users", """
                {"username":"%s","displayName":"%s","password":"%s","roles":[%s]}"""
                .formatted(username, displayName, temporary, roleList));
        if (created.status() == 400 && created.body().contains("split-password-required")) {
            created = post("/api/v1/users", """
                    {"username":"%s","displayName":"%s","roles":[%s]}""".formatted(username, displayName, roleList));
            if (created.status() != 202) {
                throw new IllegalStateException("proposing " + username + " failed: " + created.body());
            }
            temporary = approveAsFixture(created);
        } else if (created.status() != 201) {
            throw new IllegalStateException("creating " + username + " failed: " + created.body());
        }
        return firstLogin(username, temporary, password);
    }

    /**
     * Approves a proposal (the 202 answer of an account change) as the fixture administrator of the
     * approving duty; returns the whole temporary password when the change set one, else null.
     */
    public String approveAsFixture(Response proposal) {
        JsonNode body = proposal.json();
        long id = body.get("request").get("id").asLong();
        String duty = body.get("request").get("approvingDuty").asString();
        Api approver = new Api(base).as("SECURITY".equals(duty) ? SECURITY_FIXTURE : AUDIT_FIXTURE, FIXTURE_PASSWORD);
        Response approved = approver.post("/api/v1/account-requests/" + id + "/approve", "{}");
        if (approved.status() != 200) {
            throw new IllegalStateException("approving request " + id + " failed: " + approved.body());
        }
        JsonNode first = body.get("temporaryPasswordPart");
        JsonNode second = approved.json().get("temporaryPasswordPart");
        return first == null || first.isNull() ? null : first.asString() + second.asString();
    }

    /** An operations engineer holding the data right, for tests that read content an administrator may not. */
    public static final String CONTENT_FIXTURE = "fixture-eng";

    /**
     * The fixture engineer (OPS_ENGINEER: {@code data:content:read}), signed in; created by this (system
     * administrator) client the first time. Administrators get 403 on content (管理权与数据权分离).
     */
    public Api contentReader() {
        String known = CONTENT_TOKENS.get(base);
        if (known != null) {
            return new Api(base).withToken(known);
        }
        synchronized (APPROVERS_READY) {
            Api reader = get("/api/v1/users/" + CONTENT_FIXTURE).status() == 404
                    ? newUser(CONTENT_FIXTURE, "运维工程师（测试）", FIXTURE_PASSWORD, "OPS_ENGINEER")
                    : new Api(base).as(CONTENT_FIXTURE, FIXTURE_PASSWORD);
            CONTENT_TOKENS.put(base, reader.token);
            return reader;
        }
    }

    private static final java.util.Map<String, String> CONTENT_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The fixture security administrator, signed in. */
    public Api securityAdmin() {
        ensureApprovers();
        return new Api(base).as(SECURITY_FIXTURE, FIXTURE_PASSWORD);
    }

    /** The fixture audit administrator, signed in. */
    public Api auditAdmin() {
        ensureApprovers();
        return new Api(base).as(AUDIT_FIXTURE, FIXTURE_PASSWORD);
    }

    private Api firstLogin(String username, String temporary, String password) {
        Api person = new Api(base).as(username, temporary);
        Response changed = person.post("/api/v1/account/password", """
                {"currentPassword":"%s","newPassword":"%s"}""".formatted(temporary, password));
        if (changed.status() != 204) {
            throw new IllegalStateException("first password change failed: " + changed.body());
        }
        return new Api(base).as(username, password);
    }

    /**
     * The first security administrator is set up directly (the installation's bootstrap: nobody could
     * approve yet); the audit administrator is then proposed and approved by it, like any other.
     */
    private void ensureApprovers() {
        if (APPROVERS_READY.contains(base)) {
            return;
        }
        synchronized (APPROVERS_READY) {
            if (APPROVERS_READY.contains(base)) {
                return;
            }
            if (get("/api/v1/users/" + SECURITY_FIXTURE).status() == 404) {
                Response created = post("/api/v1/users", """
                        {"username":"%s","displayName":"安全管理员（测试）","roles":["SECURITY_ADMIN"]}"""
                        .formatted(SECURITY_FIXTURE));
                if (created.status() != 201) {
                    throw new IllegalStateException("a security or audit administrator exists already, so the "
                            + "fixture cannot be bootstrapped; create such accounts through Api.newUser: " + created.body());
                }
                firstLogin(SECURITY_FIXTURE, created.json().get("temporaryPassword").asString(), FIXTURE_PASSWORD);
            }
            if (get("/api/v1/users/" + AUDIT_FIXTURE).status() == 404) {
                Response proposed = post("/api/v1/users", """
                        {"username":"%s","displayName":"审计管理员（测试）","roles":["AUDIT_ADMIN"]}"""
                        .formatted(AUDIT_FIXTURE));
                if (proposed.status() != 202) {
                    throw new IllegalStateException("proposing the audit fixture failed: " + proposed.body());
                }
                APPROVERS_READY.add(base); // approveAsFixture signs in as the security fixture, which exists now
                try {
                    firstLogin(AUDIT_FIXTURE, approveAsFixture(proposed), FIXTURE_PASSWORD);
                } catch (RuntimeException e) {
                    APPROVERS_READY.remove(base);
                    throw e;
                }
            }
            APPROVERS_READY.add(base);
        }
    }

    public Api withToken(String newToken) {
        token = newToken;
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A binary download: status and bytes. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Download(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** A body of any type, e.g. a CSV holiday table or a multipart upload. */
    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Uploads one file as {@code multipart/form-data} under the part name {@code file}. */
    public Response upload(String path, String filename, byte[] content) {
        String boundary = "medops-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, with a body of the given type or none (both null). */
    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder builder = request(path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
