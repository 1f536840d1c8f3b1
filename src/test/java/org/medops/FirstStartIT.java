package org.medops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medops.testing.Api;
import org.medops.testing.TotpCodes;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A first start on an empty data directory, then a restart on the same one, as an operator sees it. */
class FirstStartIT {

    private static final Pattern PRINTED = Pattern.compile("password: (\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void printsAGeneratedAdminPasswordOnceThatMustBeChangedAndKeepsDataAcrossRestarts() {
        String firstOutput;
        String password;
        String secret;
        try (Started first = start()) {
            firstOutput = first.output();
            Matcher matcher = PRINTED.matcher(firstOutput);
            assertThat(matcher.find()).as("the generated password is printed in:%n%s", firstOutput).isTrue();
            password = matcher.group(1);

            Api admin = new Api(first.port()).as("admin", password);
            Api.Response blocked = admin.get("/api/v1/users");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.json().get("code").asString()).isEqualTo("password-change-required");
            assertThat(admin.post("/api/v1/account/password", """
                    {"currentPassword":"%s","newPassword":"Chosen#Admin-2026"}""".formatted(password)).status())
                    .isEqualTo(204);
            // Then the administrator must turn on two-factor sign-in before anything else (the production default).
            Api enrolOnly = new Api(first.port()).as("admin", "Chosen#Admin-2026");
            Api.Response mustEnrol = enrolOnly.get("/api/v1/users");
            assertThat(mustEnrol.status()).isEqualTo(403);
            assertThat(mustEnrol.json().get("code").asString()).isEqualTo("totp-enrolment-required");
            secret = enrolOnly.post("/api/v1/account/totp", "{}").json().get("secret").asString();
            assertThat(enrolOnly.post("/api/v1/account/totp/confirm",
                    "{\"code\":\"" + TotpCodes.now(secret) + "\"}").status()).isEqualTo(204);
        }

        try (Started second = start()) {
            assertThat(second.output()).doesNotContain("password: ");
            Api.Response withoutCode = new Api(second.port()).post("/api/v1/auth/token",
                    "{\"username\":\"admin\",\"password\":\"Chosen#Admin-2026\"}");
            assertThat(withoutCode.status()).isEqualTo(401);
            assertThat(withoutCode.json().get("code").asString()).isEqualTo("totp-required");
            Api admin = new Api(second.port()).as("admin", "Chosen#Admin-2026", secret);
            assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);
            assertThat(new Api(second.port()).post("/api/v1/auth/token",
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}").status()).isEqualTo(401);
        }
    }

    private Started start() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // Command-line arguments, as an operator passes them: they outrank application.yml.
            ConfigurableApplicationContext context = new SpringApplicationBuilder(MedopsApplication.class)
                    .run("--server.port=0", "--medops.db.data-dir=" + dataDir, "--medops.admin.initial-password=",
                            "--medops.db.url=", "--logging.level.root=warn");
            return new Started(context, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    record Started(ConfigurableApplicationContext context, String output) implements AutoCloseable {
        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
