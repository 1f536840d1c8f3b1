package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MedopsTest
class IdentityApiIT {

    private static final String PASSWORD = "Ward#Round-2026";

    @LocalServerPort
    int port;

    private Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    /** Creates a user with a password of the test's choosing and the given roles. */
    private String user(String... roles) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        admin().newUser(username, "测试用户", PASSWORD, roles);
        return username;
    }

    @Nested
    class Tokens {
        @Test
        void issuesATokenThatExpiresAndWorksForTheApi() {
            Api.Response token = new Api(port).post("/api/v1/auth/token",
                    "{\"username\":\"admin\",\"password\":\"" + MedopsTest.ADMIN_PASSWORD + "\"}");
            assertThat(token.status()).isEqualTo(200);
            assertThat(token.json().get("token").asString()).startsWith("mdp_");
            assertThat(token.json().get("expiresAt").asString()).isNotBlank();

            Api.Response users = new Api(port).withToken(token.json().get("token").asString()).get("/api/v1/users");
            assertThat(users.status()).isEqualTo(200);
            assertThat(users.body()).contains("\"admin\"");
        }

        @Test
        void answersAWrongPasswordAndAnUnknownUserAlike() {
            Api.Response wrongPassword = new Api(port).post("/api/v1/auth/token",
                    "{\"username\":\"admin\",\"password\":\"Not-the-password-1\"}");
            Api.Response unknownUser = new Api(port).post("/api/v1/auth/token",
                    "{\"username\":\"nobody-here\",\"password\":\"Not-the-password-1\"}");
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(unknownUser.status()).isEqualTo(401);
            assertThat(wrongPassword.body().replace("admin", "X")).isEqualTo(unknownUser.body().replace("nobody-here", "X"));
        }

        @Test
        void refusesAForgedToken() {
            Api.Response response = new Api(port).withToken("mdp_forged").get("/api/v1/users");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("code").asString()).isEqualTo("token-invalid");
        }
    }

    @Nested
    class Permissions {
        @Test
        void answers401WithoutAnyCredentials() {
            Api.Response response = new Api(port).get("/api/v1/users");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("unauthenticated");
        }

        @Test
        void answers403WithoutThePermission() {
            String engineer = user("OPS_ENGINEER");
            Api.Response response = new Api(port).as(engineer, PASSWORD).get("/api/v1/users");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("code").asString()).isEqualTo("forbidden");
        }

        @Test
        void keepsTheSystemAdministratorOutOfTheAuditTrail() {
            assertThat(admin().get("/api/v1/audit").status()).isEqualTo(403);
            assertThat(admin().get("/api/v1/audit/verify").status()).isEqualTo(403);
        }

        @Test
        void letsTheAuditAdministratorReadButNotManageUsers() {
            Api auditor = new Api(port).as(user("AUDIT_ADMIN"), PASSWORD);
            assertThat(auditor.get("/api/v1/audit").status()).isEqualTo(200);
            assertThat(auditor.post("/api/v1/users",
                    "{\"username\":\"sneaky\",\"displayName\":\"x\",\"roles\":[\"AUDIT_ADMIN\"]}").status())
                    .isEqualTo(403);
            assertThat(auditor.get("/api/v1/settings").status()).isEqualTo(403);
        }

        @Test
        void refusesToGiveOnePersonTwoSeparatedDuties() {
            String someone = user("SECURITY_ADMIN");
            Api.Response response = admin().put("/api/v1/users/" + someone + "/roles",
                    "{\"roles\":[\"SECURITY_ADMIN\",\"AUDIT_ADMIN\"]}");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.json().get("code").asString()).isEqualTo("separated-duties");
        }

        @Test
        void refusesToLetAnAdministratorChangeTheirOwnRoles() {
            Api.Response response = admin().put("/api/v1/users/admin/roles", "{\"roles\":[\"READ_ONLY\"]}");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("code").asString()).isEqualTo("own-roles");
        }

        @Test
        void keepsBuiltInRolesFixedButLetsTheSecurityAdministratorDefineNewOnes() {
            Api security = new Api(port).as(user("SECURITY_ADMIN"), PASSWORD);
            assertThat(security.put("/api/v1/roles/AUDIT_ADMIN",
                    "{\"name\":\"x\",\"permissions\":[\"identity:user:write\"]}").status()).isEqualTo(409);
            String code = "AUDIT_VIEWER_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
            Api.Response created = security.post("/api/v1/roles",
                    "{\"code\":\"" + code + "\",\"name\":\"审计查看\",\"permissions\":[\"audit:read\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(security.post("/api/v1/roles",
                    "{\"code\":\"BAD_ONE\",\"name\":\"x\",\"permissions\":[\"made:up\"]}").status()).isEqualTo(400);
        }
    }

    @Nested
    class Sessions {
        @Test
        void endsAConsoleSessionAsSoonAsTheAccountIsDisabled() throws Exception {
            String nurse = user("READ_ONLY");
            java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager()).build();
            String base = "http://localhost:" + port;
            String login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + nurse + "&password=" + java.net.URLEncoder.encode(PASSWORD, "UTF-8")
                    + "&_csrf=" + csrf.group(1);
            browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            java.net.http.HttpRequest users = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/users")).build();
            assertThat(browser.send(users, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            assertThat(admin().post("/api/v1/users/" + nurse + "/disable", "{}").status()).isEqualTo(200);
            assertThat(browser.send(users, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }

        @Test
        void countsWrongCurrentPasswordsTowardTheLockout() {
            String nurse = user("READ_ONLY");
            Api person = new Api(port).as(nurse, PASSWORD);
            for (int i = 0; i < 5; i++) {
                assertThat(person.post("/api/v1/account/password", """
                        {"currentPassword":"Guess#%d-xyz","newPassword":"Another#Pass-2026"}""".formatted(i)).status())
                        .isEqualTo(400);
            }
            assertThat(admin().get("/api/v1/users/" + nurse).json().get("locked").asBoolean()).isTrue();
        }
    }

    @Nested
    class Validation {
        @Test
        void reportsEachInvalidFieldAsProblemDetails() {
            Api.Response response = admin().post("/api/v1/users", "{\"username\":\"a\",\"email\":\"not-mail\",\"roles\":[]}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("validation");
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .contains("username", "displayName", "email");
        }

        @Test
        void answersMalformedJsonWith400NotA500() {
            Api.Response response = admin().post("/api/v1/users", "{\"username\": ");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("malformed-body");
            assertThat(response.body()).doesNotContain("Exception", "at org.");
        }

        @Test
        void refusesAWeakPasswordNamingEveryBrokenRule() {
            Api.Response response = admin().post("/api/v1/users",
                    "{\"username\":\"weakling\",\"displayName\":\"x\",\"password\":\"weakling\",\"roles\":[]}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("reasons").toString())
                    .contains("password-too-short", "password-too-simple", "password-equals-username");
        }

        @Test
        void refusesADuplicateUsernameWhateverItsCase() {
            String existing = user();
            Api.Response response = admin().post("/api/v1/users", """
                    {"username":"%s","displayName":"x","roles":[]}""".formatted(existing.toUpperCase()));
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.json().get("code").asString()).isEqualTo("username-taken");
        }
    }

    @Nested
    class Passwords {
        @Test
        void locksTheAccountAfterFiveFailuresEvenForTheRightPassword() {
            String nurse = user("READ_ONLY");
            Api anonymous = new Api(port);
            for (int i = 0; i < 5; i++) {
                assertThat(anonymous.post("/api/v1/auth/token",
                        "{\"username\":\"" + nurse + "\",\"password\":\"Wrong#Pass-0" + i + "\"}").status()).isEqualTo(401);
            }
            Api.Response locked = anonymous.post("/api/v1/auth/token",
                    "{\"username\":\"" + nurse + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(locked.status()).isEqualTo(401);
            assertThat(admin().get("/api/v1/users/" + nurse).json().get("locked").asBoolean()).isTrue();

            assertThat(admin().post("/api/v1/users/" + nurse + "/unlock", "{}").status()).isEqualTo(200);
            assertThat(anonymous.post("/api/v1/auth/token",
                    "{\"username\":\"" + nurse + "\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(200);
        }

        @Test
        void makesAGeneratedPasswordChangeBeforeAnythingElse() {
            String username = "temp" + UUID.randomUUID().toString().substring(0, 6);
            Api.Response created = admin().post("/api/v1/users", """
                    {"username":"%s","displayName":"临时","roles":["READ_ONLY"]}""".formatted(username));
            String temporary = created.json().get("temporaryPassword").asString();
            assertThat(temporary).hasSizeGreaterThanOrEqualTo(20);
            assertThat(admin().get("/api/v1/users/" + username).body()).doesNotContain(temporary);

            Api person = new Api(port).as(username, temporary);
            Api.Response blocked = person.get("/api/v1/users");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.json().get("code").asString()).isEqualTo("password-change-required");

            assertThat(person.post("/api/v1/account/password", """
                    {"currentPassword":"%s","newPassword":"%s"}""".formatted(temporary, temporary)).status())
                    .isEqualTo(400);
            assertThat(person.post("/api/v1/account/password", """
                    {"currentPassword":"%s","newPassword":"Own#Choice-2026"}""".formatted(temporary)).status())
                    .isEqualTo(204);
            assertThat(new Api(port).as(username, "Own#Choice-2026").get("/api/v1/users").status()).isEqualTo(200);
        }

        @Test
        void refusesAnyOfTheLastFivePasswords() {
            String nurse = user("READ_ONLY");
            String current = PASSWORD;
            for (int i = 1; i <= 5; i++) {
                String next = "Rotation#" + i + "-2026";
                Api person = new Api(port).as(nurse, current);
                assertThat(person.post("/api/v1/account/password", """
                        {"currentPassword":"%s","newPassword":"%s"}""".formatted(current, next)).status()).isEqualTo(204);
                assertThat(person.get("/api/v1/roles").status()).as("tokens issued before the change").isEqualTo(401);
                current = next;
            }
            Api person = new Api(port).as(nurse, current);
            Api.Response reuse = person.post("/api/v1/account/password", """
                    {"currentPassword":"%s","newPassword":"Rotation#1-2026"}""".formatted(current));
            assertThat(reuse.status()).isEqualTo(400);
            assertThat(reuse.json().get("code").asString()).isEqualTo("password-reused");
        }
    }
}
