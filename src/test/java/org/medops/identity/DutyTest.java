package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

class DutyTest {

    private static Set<Duty> dutiesOf(BuiltInRole role) {
        return Duty.of(role.permissions().stream().map(Permission::code).toList());
    }

    @Nested
    class BuiltInRoles {
        @Test
        void giveEachAdministratorExactlyTheirOwnDuty() {
            assertThat(dutiesOf(BuiltInRole.SYSTEM_ADMIN)).containsExactly(Duty.SYSTEM);
            assertThat(dutiesOf(BuiltInRole.SECURITY_ADMIN)).containsExactly(Duty.SECURITY);
            assertThat(dutiesOf(BuiltInRole.AUDIT_ADMIN)).containsExactly(Duty.AUDIT);
        }

        @Test
        void giveEveryOtherRoleOnlyGeneralPermissions() {
            for (BuiltInRole role : BuiltInRole.values()) {
                assertThat(role.separatedDuty()).as(role.name())
                        .isEqualTo(EnumSet.of(BuiltInRole.SYSTEM_ADMIN, BuiltInRole.SECURITY_ADMIN,
                                BuiltInRole.AUDIT_ADMIN).contains(role));
            }
        }
    }

    @Nested
    class Combinations {
        @Test
        void refuseEveryPermissionAtOnceNamingTheOffendingOnes() {
            List<String> all = RoleCatalog.allPermissions().stream().map(Permission::code).toList();
            assertThatThrownBy(() -> Duty.requireSeparated(all, "role-separated-duties", "ALL"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.code()).isEqualTo("role-separated-duties");
                        assertThat(e.arguments()[1].toString()).contains("SYSTEM: [", "identity:user:write",
                                "SECURITY: [", "identity:role:write", "AUDIT: [", "audit:read");
                    });
        }

        @Test
        void allowOneSeparatedDutyWithAnyGeneralPermissions() {
            Duty.requireSeparated(List.of("audit:read", "audit:export", "identity:user:read", "traffic:read",
                    "opsdesk:work"), "x", "ok");
        }

        @Test
        void ignoreUnknownCodes() {
            assertThat(Duty.of(List.of("made:up", "audit:read"))).containsExactly(Duty.AUDIT);
        }
    }

    @Nested
    class Approval {
        @Test
        void isBySecurityUnlessTheAccountHoldsSecurityThenByAudit() {
            assertThat(Duty.approverFor(EnumSet.of(Duty.SYSTEM))).contains(Duty.SECURITY);
            assertThat(Duty.approverFor(EnumSet.of(Duty.AUDIT))).contains(Duty.SECURITY);
            assertThat(Duty.approverFor(EnumSet.of(Duty.SECURITY))).contains(Duty.AUDIT);
            assertThat(Duty.approverFor(EnumSet.of(Duty.SYSTEM, Duty.SECURITY))).contains(Duty.AUDIT);
            assertThat(Duty.approverFor(EnumSet.of(Duty.SECURITY, Duty.AUDIT))).isEmpty();
        }

        @Test
        void isNeverByTheProposerTheAccountOrAnotherDuty() {
            AccountRequest request = AccountRequest.propose(AccountRequest.Kind.RESET_PASSWORD, "auditor",
                    AccountRequest.AccountDetails.none(), Duty.SECURITY, true, "admin", java.time.Instant.EPOCH)
                    .withId(7);
            Set<String> security = Set.of("identity:request:approve");
            assertThat(code(() -> request.approve("admin", security, java.time.Instant.EPOCH))).isEqualTo("own-request");
            assertThat(code(() -> request.approve("auditor", security, java.time.Instant.EPOCH)))
                    .isEqualTo("own-account-request");
            assertThat(code(() -> request.approve("someone", Set.of("audit:request:approve"), java.time.Instant.EPOCH)))
                    .isEqualTo("request-approver-duty");
            AccountRequest approved = request.approve("secadmin", security, java.time.Instant.EPOCH);
            assertThat(approved.status()).isEqualTo(AccountRequest.Status.APPROVED);
            assertThat(approved.passwordPart()).as("the proposer's half is not kept after the decision").isNull();
            assertThat(code(() -> approved.approve("secadmin", security, java.time.Instant.EPOCH)))
                    .isEqualTo("request-decided");
            assertThat(code(() -> request.reject("secadmin", security, " ", java.time.Instant.EPOCH)))
                    .isEqualTo("reason-required");
        }

        @Test
        void splitsTheTemporaryPasswordIntoTwoStrongHalves() {
            String half = TemporaryPassword.half();
            assertThat(half).hasSize(10).containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]")
                    .containsPattern("[^A-Za-z0-9]");
        }

        private String code(Runnable action) {
            try {
                action.run();
                return null;
            } catch (ProblemException e) {
                return e.code();
            }
        }
    }
}
