package org.medops.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roles as the security administrator manages them; built-in roles follow the code. */
@Service
class RoleCatalog {

    private final Roles roles;
    private final Users users;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    RoleCatalog(Roles roles, Users users, MessageSource messages, ApplicationEventPublisher events) {
        this.roles = roles;
        this.users = users;
        this.messages = messages;
        this.events = events;
    }

    /** Brings the built-in roles in line with this version's permission list at every start. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    public void syncBuiltInRoles() {
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            String name = messages.getMessage("role." + builtIn.name(), null, builtIn.name(),
                    java.util.Locale.SIMPLIFIED_CHINESE);
            Set<String> codes = builtIn.permissions().stream().map(Permission::code).collect(Collectors.toSet());
            roles.save(new Role(builtIn.name(), name, null, true, codes));
        }
    }

    List<Role> all() {
        return roles.all();
    }

    Role require(String code) {
        return roles.find(code).orElseThrow(() -> ProblemException.notFound("role", code));
    }

    @Transactional
    Role create(NewRole request) {
        Role role = Role.custom(request.code(), request.name(), request.description(), request.permissions());
        if (roles.exists(role.code())) {
            throw ProblemException.conflict("role-code-taken", role.code());
        }
        roles.save(role);
        events.publishEvent(IdentityAudit.ofRole("role.create", role.code(), List.of(
                FieldChange.set("name", role.name()),
                FieldChange.set("permissions", String.join(",", role.permissions())))));
        return role;
    }

    boolean heldBy(String code, String username) {
        return users.findByUsername(username).map(u -> u.roles().contains(code)).orElse(false);
    }

    /** Nobody edits a role they hold: a security administrator could otherwise widen their own powers. */
    @Transactional
    Role update(String code, String name, String description, Set<String> permissions, String actor) {
        Role role = require(code);
        if (heldBy(role.code(), actor)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "own-role", role.code());
        }
        String before = String.join(",", role.permissions());
        String beforeName = role.name();
        role.grant(permissions, users.countHolding(role.code()));
        role.describe(name, description);
        roles.save(role);
        events.publishEvent(IdentityAudit.ofRole("role.update", role.code(), List.of(
                FieldChange.of("name", beforeName, role.name()),
                FieldChange.of("permissions", before, String.join(",", role.permissions())))));
        return role;
    }

    static Set<Permission> allPermissions() {
        return EnumSet.allOf(Permission.class);
    }
}
