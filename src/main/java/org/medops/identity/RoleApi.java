package org.medops.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class RoleApi {

    private final RoleCatalog catalog;

    RoleApi(RoleCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/roles")
    @CanReadRoles
    List<RoleView> list() {
        return catalog.all().stream().map(RoleView::of).toList();
    }

    @GetMapping("/roles/{code}")
    @CanReadRoles
    RoleView get(@PathVariable String code) {
        return RoleView.of(catalog.require(code));
    }

    @PostMapping("/roles")
    @CanManageRoles
    ResponseEntity<RoleView> create(@Valid @RequestBody NewRole request) {
        Role role = catalog.create(request);
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.code())).body(RoleView.of(role));
    }

    @PutMapping("/roles/{code}")
    @CanManageRoles
    RoleView update(@PathVariable String code, @Valid @RequestBody RoleChange change,
                    @AuthenticationPrincipal CurrentUser me) {
        return RoleView.of(catalog.update(code, change.name(), change.description(), change.permissions(),
                me.username()));
    }

    @GetMapping("/permissions")
    @CanReadRoles
    List<String> permissions() {
        return RoleCatalog.allPermissions().stream().map(Permission::code).toList();
    }

    /** Each permission with the duty group it belongs to. */
    @GetMapping("/permissions/duties")
    @CanReadRoles
    List<PermissionView> duties() {
        return RoleCatalog.allPermissions().stream()
                .map(p -> new PermissionView(p.code(), p.duty().name(), p.duty().separated())).toList();
    }

    record PermissionView(String code, String duty, boolean separated) {
    }

    record RoleView(String code, String name, String description, boolean builtIn, Set<String> permissions,
                    Set<String> duties) {
        static RoleView of(Role role) {
            return new RoleView(role.code(), role.name(), role.description(), role.builtIn(), role.permissions(),
                    role.duties().stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        }
    }
}
