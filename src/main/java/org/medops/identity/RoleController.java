package org.medops.identity;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.medops.shared.FieldMessages;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 角色管理: the security administrator's pages. */
@Controller
class RoleController {

    private final RoleCatalog catalog;
    private final FieldMessages fieldMessages;

    RoleController(RoleCatalog catalog, FieldMessages fieldMessages) {
        this.catalog = catalog;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping("/roles")
    @CanReadRoles
    String list(Model model) {
        model.addAttribute("roles", catalog.all());
        return "roles/list";
    }

    @GetMapping("/roles/new")
    @CanManageRoles
    String newForm(Model model) {
        model.addAttribute("form", new NewRole("", "", "", Set.of()));
        model.addAttribute("permissionGroups", permissionGroups());
        return "roles/new";
    }

    @PostMapping("/roles")
    @CanManageRoles
    String create(@Valid @ModelAttribute("form") NewRole form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        model.addAttribute("permissionGroups", permissionGroups());
        if (binding.hasErrors()) {
            return "roles/new";
        }
        try {
            Role role = catalog.create(form);
            redirect.addFlashAttribute("notice", "roles.saved");
            return "redirect:/roles/" + role.code();
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return "roles/new";
        }
    }

    @GetMapping("/roles/{code}")
    @CanReadRoles
    String detail(@PathVariable String code, @AuthenticationPrincipal CurrentUser me, Model model) {
        Role role = catalog.require(code);
        model.addAttribute("role", role);
        model.addAttribute("ownRole", catalog.heldBy(role.code(), me.username()));
        model.addAttribute("permissionGroups", permissionGroups());
        return "roles/detail";
    }

    @PostMapping("/roles/{code}")
    @CanManageRoles
    String update(@PathVariable String code, @Valid @ModelAttribute RoleChange change, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        try {
            if (binding.hasErrors()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "role-incomplete", fieldMessages.of(binding));
            }
            catalog.update(code, change.name(), change.description(), change.permissions(), me.username());
            redirect.addFlashAttribute("notice", "roles.saved");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/roles/" + code;
    }

    /** Permissions grouped by module, in a stable order, for the check-box grid. */
    private static Map<String, List<Permission>> permissionGroups() {
        return RoleCatalog.allPermissions().stream()
                .collect(Collectors.groupingBy(Permission::module, TreeMap::new, Collectors.toList()));
    }
}
