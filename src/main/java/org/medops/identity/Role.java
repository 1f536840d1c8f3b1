package org.medops.identity;

import java.util.Set;
import java.util.TreeSet;

import org.medops.shared.ProblemException;

/** A named bundle of permission codes. Built-in roles keep the permissions the code gives them. */
final class Role {

    private final String code;
    private String name;
    private String description;
    private final boolean builtIn;
    private final Set<String> permissions;

    Role(String code, String name, String description, boolean builtIn, Set<String> permissions) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.builtIn = builtIn;
        this.permissions = new TreeSet<>(permissions);
    }

    static Role custom(String code, String name, String description, Set<String> permissions) {
        Role role = new Role(code.trim().toUpperCase(), name, description, false, Set.of());
        role.grant(permissions, 0);
        return role;
    }

    /**
     * Replaces the permissions of a custom role; every code must be one the platform knows, and they
     * may span at most one separated duty. While anyone holds the role its separated-duty permissions
     * stay as they are: otherwise editing a role would hand out or take away an administrator's powers
     * without the approval that re-roling the account needs.
     */
    void grant(Set<String> newPermissions, long holders) {
        if (builtIn) {
            throw ProblemException.conflict("built-in-role", code);
        }
        for (String permission : newPermissions) {
            if (Permission.of(permission).isEmpty()) {
                throw ProblemException.invalid("unknown-permission", permission);
            }
        }
        Duty.requireSeparated(newPermissions, "role-separated-duties", code);
        if (holders > 0 && !separatedPart(permissions).equals(separatedPart(newPermissions))) {
            throw ProblemException.conflict("role-held-duty-change", code, holders);
        }
        permissions.clear();
        permissions.addAll(newPermissions);
    }

    /** The separated duties (SYSTEM, SECURITY, AUDIT) this role's permissions belong to. */
    Set<Duty> duties() {
        return Duty.of(permissions);
    }

    private static Set<String> separatedPart(Set<String> codes) {
        Set<String> part = new TreeSet<>();
        for (String code : codes) {
            if (Permission.of(code).map(p -> p.duty().separated()).orElse(false)) {
                part.add(code);
            }
        }
        return part;
    }

    void describe(String newName, String newDescription) {
        name = newName;
        description = newDescription;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean builtIn() {
        return builtIn;
    }

    public Set<String> permissions() {
        return Set.copyOf(permissions);
    }
}
