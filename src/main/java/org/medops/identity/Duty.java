package org.medops.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.medops.shared.ProblemException;

/**
 * The duty groups of the three-role separation (三员分立). Every {@link Permission} belongs to exactly one.
 * SYSTEM, SECURITY and AUDIT are separated: no role and no user (through the union of their roles) may
 * hold permissions of two of them. GENERAL (business, operations and read-only work) combines with any.
 */
enum Duty {
    /** 系统管理: accounts, platform settings, the gateway's catalogue and alert rules. */
    SYSTEM(true),
    /** 安全管理: role definitions and approving changes to administrators' accounts. */
    SECURITY(true),
    /** 安全审计: reading, exporting and verifying the audit trail; approving changes to security administrators. */
    AUDIT(true),
    /** 业务与运维: everything else, including every read-only permission. */
    GENERAL(false);

    private final boolean separated;

    Duty(boolean separated) {
        this.separated = separated;
    }

    public boolean separated() {
        return separated;
    }

    public String labelKey() {
        return "duty." + name();
    }

    /** The permission that approves account changes on behalf of this duty, if it approves any. */
    Optional<Permission> approval() {
        return switch (this) {
            case SECURITY -> Optional.of(Permission.REQUEST_APPROVE);
            case AUDIT -> Optional.of(Permission.AUDIT_REQUEST_APPROVE);
            default -> Optional.empty();
        };
    }

    /** The separated duties among the given permission codes; unknown codes belong to none. */
    static Set<Duty> of(Collection<String> permissionCodes) {
        Set<Duty> duties = EnumSet.noneOf(Duty.class);
        for (String code : permissionCodes) {
            Permission.of(code).map(Permission::duty).filter(Duty::separated).ifPresent(duties::add);
        }
        return duties;
    }

    /**
     * Refuses a set of permissions that spans two separated duties. The problem names the offending
     * permissions, grouped by duty, so the page can say what to take out.
     */
    static void requireSeparated(Collection<String> permissionCodes, String problemCode, Object subject) {
        Set<Duty> duties = of(permissionCodes);
        if (duties.size() > 1) {
            String offending = duties.stream()
                    .map(duty -> duty.name() + ": " + permissionCodes.stream()
                            .filter(code -> Permission.of(code).map(p -> p.duty() == duty).orElse(false))
                            .collect(Collectors.toCollection(TreeSet::new)))
                    .collect(Collectors.joining("; "));
            throw ProblemException.conflict(problemCode, subject, offending);
        }
    }

    /**
     * Which duty approves a change to an account that holds {@code held} before or after it. The system
     * duty always proposes; security approves, unless the account holds the security duty itself, then
     * audit does. A change that touches both the security and the audit duty has no approver (take the
     * old duty away first, then give the new one).
     */
    static Optional<Duty> approverFor(Set<Duty> held) {
        for (Duty candidate : List.of(SECURITY, AUDIT)) {
            if (!held.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
