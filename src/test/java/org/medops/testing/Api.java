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
        Response response = post("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.body());
        }
        token = response.json().get("token").asString();
        return this;
    }

    /**
     * Creates an account as this (administrator) client and completes its first login: the
     * administrator's password is temporary, so the person replaces it with {@code password}.
     */
    public Api newUser(String username, String displayName, String password, String... roles) {
        String temporary = "Temp#" + password;
        String roleList = roles.length == 0 ? "" : "\"" + String.join("\",\"", roles) + "\"";
        Response created = post("/api/v1/users", """
                {"username":"%s","displayName":"%s","password":"%s","roles":[%s]}"""
                .formatted(username, displayName, temporary, roleList));
        if (created.status() != 201) {
            throw new IllegalStateException("creating " + username + " failed: " + created.body());
        }
        Api person = new Api(base).as(username, temporary);
        Response changed = person.post("/api/v1/account/password", """
                {"currentPassword":"%s","newPassword":"%s"}""".formatted(temporary, password));
        if (changed.status() != 204) {
            throw new IllegalStateException("first password change failed: " + changed.body());
        }
        return new Api(base).as(username, password);
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
