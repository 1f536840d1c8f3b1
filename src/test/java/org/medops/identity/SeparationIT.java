package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each bypass of the three-role separation named in issue 10, tried through the real HTTP API. */
@MedopsTest
class SeparationIT {

    private static final String PASSWORD = "Duty#Split-2026";

    @LocalServerPort
    int port;

    private Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    private Api security() {
        return admin().securityAdmin();
    }

    private static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    private String user(String... roles) {
        String username = name("s");
        admin().newUser(username, "测试", PASSWORD, roles);
        return username;
    }

    private String role(Api by, String... permissions) {
        String code = name("R_").toUpperCase().replace('-', '_');
        Api.Response created = by.post("/api/v1/roles", """
                {"code":"%s","name":"自定义","permissions":["%s"]}""".formatted(code, String.join("\",\"", permissions)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    private int login(String username, String password) {
        return new Api(port).post("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").status();
    }

    @Nested
    class Roles {
        @Test
        void refusesARoleWithEveryPermission() {
            JsonNode all = security().get("/api/v1/permissions").json();
            String codes = StreamSupport.stream(all.spliterator(), false).map(n -> "\"" + n.asString() + "\"")
                    .collect(Collectors.joining(","));
            Api.Response refused = security().post("/api/v1/roles",
                    "{\"code\":\"EVERYTHING\",\"name\":\"全部\",\"permissions\":[" + codes + "]}");
            assertProblem(refused, 409, "role-separated-duties");
            assertThat(refused.json().get("detail").asString()).contains("identity:user:write", "audit:read",
                    "identity:role:write");
            assertThat(security().get("/api/v1/roles/EVERYTHING").status()).isEqualTo(404);
        }

        @Test
        void refusesRolesThatTogetherSpanTwoDuties() {
            String reader = role(security(), "audit:read", "traffic:read");
            String settings = role(security(), "system:config:write", "system:config:read");
            Api.Response created = admin().post("/api/v1/users", """
                    {"username":"%s","displayName":"x","roles":["%s","%s"]}""".formatted(name("c"), reader, settings));
            assertProblem(created, 409, "separated-duties");

            String nurse = user("READ_ONLY");
            assertProblem(admin().put("/api/v1/users/" + nurse + "/roles",
                    "{\"roles\":[\"" + reader + "\",\"SYSTEM_ADMIN\"]}"), 409, "separated-duties");
        }

        @Test
        void refusesToLetTheSecurityAdministratorEditARoleTheyHold() {
            String own = role(security(), "identity:role:write", "identity:role:read", "identity:user:read",
                    "identity:request:approve");
            String holder = user(own);
            Api holderApi = new Api(port).as(holder, PASSWORD);
            assertProblem(holderApi.put("/api/v1/roles/" + own, """
                    {"name":"扩权","permissions":["identity:role:write","audit:read","identity:user:write"]}"""),
                    403, "own-role");
            assertProblem(holderApi.put("/api/v1/roles/" + own, """
                    {"name":"只加读","permissions":["identity:role:write","identity:role:read","traffic:read"]}"""),
                    403, "own-role");
        }

        @Test
        void keepsTheAdministratorPowersOfAHeldRoleAsTheyAre() {
            String custom = role(security(), "audit:read", "traffic:read");
            user(custom);
            assertProblem(security().put("/api/v1/roles/" + custom, """
                    {"name":"x","permissions":["audit:read","audit:export","traffic:read"]}"""), 409, "role-held-duty-change");
            assertProblem(security().put("/api/v1/roles/" + custom, """
                    {"name":"x","permissions":["audit:read","identity:user:write"]}"""), 409, "role-separated-duties");
            Api.Response general = security().put("/api/v1/roles/" + custom, """
                    {"name":"x","permissions":["audit:read","traffic:read","alert:read"]}""");
            assertThat(general.status()).as("business permissions may change").isEqualTo(200);
            assertThat(general.json().get("duties").toString()).isEqualTo("[\"AUDIT\"]");
        }
    }

    @Nested
    class AccountsOfSeparatedDuties {
        @Test
        void aPasswordResetOfTheAuditAdministratorNeedsTheSecurityAdministratorAndASplitPassword() {
            String auditor = user("AUDIT_ADMIN");
            Api.Response proposed = admin().post("/api/v1/users/" + auditor + "/password-reset", "{}");
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
            JsonNode request = proposed.json().get("request");
            assertThat(request.get("approvingDuty").asString()).isEqualTo("SECURITY");
            assertThat(request.get("status").asString()).isEqualTo("PENDING");
            String first = proposed.json().get("temporaryPasswordPart").asString();
            assertThat(first).hasSize(10);
            assertThat(login(auditor, PASSWORD)).as("nothing changes before approval").isEqualTo(200);
            assertThat(login(auditor, first)).isEqualTo(401);

            long id = request.get("id").asLong();
            assertThat(admin().post("/api/v1/account-requests/" + id + "/approve", "{}").status())
                    .as("the proposer cannot approve").isEqualTo(403);
            assertProblem(admin().auditAdmin().post("/api/v1/account-requests/" + id + "/approve", "{}"), 403,
                    "request-approver-duty");
            assertThat(admin().get("/api/v1/account-requests/" + id).body()).doesNotContain(first);

            Api.Response approved = security().post("/api/v1/account-requests/" + id + "/approve", "{}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            String second = approved.json().get("temporaryPasswordPart").asString();
            assertThat(approved.json().get("request").get("status").asString()).isEqualTo("APPROVED");
            assertThat(login(auditor, PASSWORD)).isEqualTo(401);
            assertThat(login(auditor, first)).isEqualTo(401);
            assertThat(login(auditor, second)).isEqualTo(401);
            Api.Response both = new Api(port).post("/api/v1/auth/token",
                    "{\"username\":\"" + auditor + "\",\"password\":\"" + first + second + "\"}");
            assertThat(both.status()).isEqualTo(200);
            assertThat(new Api(port).withToken(both.json().get("token").asString()).get("/api/v1/audit")
                    .json().get("code").asString()).isEqualTo("password-change-required");
            assertProblem(security().post("/api/v1/account-requests/" + id + "/approve", "{}"), 409, "request-decided");

            JsonNode trail = admin().auditAdmin().get("/api/v1/audit?target=" + auditor).json().get("entries");
            String actions = trail.findValuesAsString("action").toString();
            assertThat(actions).contains("account-request.propose", "account-request.approve", "user.password.reset");
            JsonNode reset = StreamSupport.stream(trail.spliterator(), false)
                    .filter(e -> e.get("action").asString().equals("user.password.reset")).findFirst().orElseThrow();
            assertThat(reset.get("actor").asString()).isEqualTo(Api.SECURITY_FIXTURE);
            assertThat(reset.get("details").asString()).contains("proposedBy", "admin").doesNotContain(first, second);
        }

        @Test
        void disablingTheAuditAdministratorWaitsForApprovalAndCanBeRejected() {
            String auditor = user("AUDIT_ADMIN");
            Api auditorApi = new Api(port).as(auditor, PASSWORD);
            Api.Response proposed = admin().post("/api/v1/users/" + auditor + "/disable", "{}");
            assertThat(proposed.status()).isEqualTo(202);
            assertThat(proposed.json().has("temporaryPasswordPart")).as("no password changes").isFalse();
            assertThat(auditorApi.get("/api/v1/audit").status()).isEqualTo(200);
            long id = proposed.json().get("request").get("id").asLong();

            assertProblem(security().post("/api/v1/account-requests/" + id + "/reject", "{}"), 400, "reason-required");
            Api.Response rejected = security().post("/api/v1/account-requests/" + id + "/reject",
                    "{\"reason\":\"审计员在岗，无需停用\"}");
            assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
            assertThat(auditorApi.get("/api/v1/audit").status()).isEqualTo(200);

            Api.Response again = admin().post("/api/v1/users/" + auditor + "/disable", "{}");
            security().post("/api/v1/account-requests/" + again.json().get("request").get("id").asLong() + "/approve", "{}");
            assertThat(auditorApi.get("/api/v1/audit").status()).isEqualTo(401);
            assertThat(admin().get("/api/v1/users/" + auditor).json().get("enabled").asBoolean()).isFalse();
        }

        @Test
        void strippingTheAuditAdministratorsRoleWaitsForApproval() {
            String auditor = user("AUDIT_ADMIN");
            Api.Response proposed = admin().put("/api/v1/users/" + auditor + "/roles", "{\"roles\":[\"READ_ONLY\"]}");
            assertThat(proposed.status()).isEqualTo(202);
            assertThat(admin().get("/api/v1/users/" + auditor).json().get("roles").toString()).contains("AUDIT_ADMIN");
            assertProblem(admin().post("/api/v1/users/" + auditor + "/password-reset", "{}"), 409, "request-pending");

            long id = proposed.json().get("request").get("id").asLong();
            assertProblem(security().post("/api/v1/account-requests/" + id + "/withdraw", "{}"), 403, "forbidden");
            assertThat(admin().post("/api/v1/account-requests/" + id + "/withdraw", "{}").json().get("status")
                    .asString()).isEqualTo("WITHDRAWN");
            assertThat(admin().get("/api/v1/users/" + auditor).json().get("roles").toString()).contains("AUDIT_ADMIN");

            Api.Response again = admin().put("/api/v1/users/" + auditor + "/roles", "{\"roles\":[\"READ_ONLY\"]}");
            security().post("/api/v1/account-requests/" + again.json().get("request").get("id").asLong() + "/approve", "{}");
            assertThat(admin().get("/api/v1/users/" + auditor).json().get("roles").toString()).isEqualTo("[\"READ_ONLY\"]");
            assertThat(login(auditor, PASSWORD)).as("losing a duty keeps the password").isEqualTo(200);
        }

        @Test
        void aNewAuditAdministratorGetsNoPasswordOfTheProposersChoosing() {
            String username = name("na");
            assertProblem(admin().post("/api/v1/users", """
                    {"username":"%s","displayName":"新审计员","password":"Chosen#By-Admin1","roles":["AUDIT_ADMIN"]}"""
                    .formatted(username)), 400, "split-password-required");
            Api.Response proposed = admin().post("/api/v1/users", """
                    {"username":"%s","displayName":"新审计员","roles":["AUDIT_ADMIN"]}""".formatted(username));
            assertThat(proposed.status()).isEqualTo(202);
            assertThat(proposed.json().get("request").get("kind").asString()).isEqualTo("CREATE");
            assertThat(admin().get("/api/v1/users/" + username).status()).isEqualTo(404);
            String password = admin().approveAsFixture(proposed);
            assertThat(login(username, password)).isEqualTo(200);
        }

        @Test
        void givingADutyToAnAccountWhosePasswordTheProposerKnowsReplacesThePassword() {
            String username = name("kn");
            Api.Response created = admin().post("/api/v1/users", """
                    {"username":"%s","displayName":"普通","password":"Known#ToAdmin-1","roles":["READ_ONLY"]}"""
                    .formatted(username));
            assertThat(created.status()).isEqualTo(201);
            Api.Response proposed = admin().put("/api/v1/users/" + username + "/roles", "{\"roles\":[\"AUDIT_ADMIN\"]}");
            assertThat(proposed.json().get("request").get("splitPassword").asBoolean()).isTrue();
            String password = admin().approveAsFixture(proposed);
            assertThat(login(username, "Known#ToAdmin-1")).isEqualTo(401);
            assertThat(login(username, password)).isEqualTo(200);
        }

        @Test
        void aSecurityAdministratorsAccountIsApprovedByTheAuditorNotByAnotherSecurityAdministrator() {
            String other = user("SECURITY_ADMIN");
            Api.Response proposed = admin().post("/api/v1/users/" + other + "/password-reset", "{}");
            JsonNode request = proposed.json().get("request");
            assertThat(request.get("approvingDuty").asString()).isEqualTo("AUDIT");
            assertProblem(security().post("/api/v1/account-requests/" + request.get("id").asLong() + "/approve", "{}"),
                    403, "request-approver-duty");
            assertThat(admin().auditAdmin().post("/api/v1/account-requests/" + request.get("id").asLong() + "/approve",
                    "{}").status()).isEqualTo(200);
        }

        @Test
        void refusesAChangeBetweenSecurityAndAuditThatNoThirdDutyCouldApprove() {
            String other = user("SECURITY_ADMIN");
            assertProblem(admin().put("/api/v1/users/" + other + "/roles", "{\"roles\":[\"AUDIT_ADMIN\"]}"), 409,
                    "request-no-approver");
        }

        @Test
        void leavesOrdinaryAccountsToTheSystemAdministrator() {
            String nurse = user("READ_ONLY");
            Api.Response reset = admin().post("/api/v1/users/" + nurse + "/password-reset", "{}");
            assertThat(reset.status()).isEqualTo(200);
            assertThat(login(nurse, reset.json().get("temporaryPassword").asString())).isEqualTo(200);
            assertThat(admin().post("/api/v1/users/" + nurse + "/disable", "{}").status()).isEqualTo(200);
        }

        @Test
        void answersBadRequestsWithProblemDetails() {
            Api.Response wrongId = security().post("/api/v1/account-requests/abc/approve", "{}");
            assertThat(wrongId.status()).isEqualTo(400);
            assertThat(wrongId.contentType()).startsWith("application/problem+json");
            assertThat(security().get("/api/v1/account-requests?status=NOPE").status()).isEqualTo(400);
            assertProblem(security().post("/api/v1/account-requests/999999/approve", "{}"), 404, "not-found");
            assertProblem(security().post("/api/v1/account-requests/1/reject",
                    "{\"reason\":\"" + "x".repeat(600) + "\"}"), 400, "validation");
            assertThat(security().get("/api/v1/account-requests?status=PENDING").status()).isEqualTo(200);
        }
    }
}
