package org.medops.publication.codes;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.medops.publication.permissions.CanReadPublication;
import org.medops.publication.permissions.CanWritePublication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The code tables: read them, add or change a value (changes are audited). */
@RestController
@RequestMapping("/api/v1/publication/codes")
class CodeApi {

    private final CodeTables tables;

    CodeApi(CodeTables tables) {
        this.tables = tables;
    }

    record CodeRequest(@NotBlank @Size(max = 200) String label, @NotBlank @Size(max = 200) String labelEn,
                       Boolean active, Integer position) {
    }

    @CanReadPublication
    @GetMapping
    List<String> tables() {
        return tables.tables();
    }

    @CanReadPublication
    @GetMapping("/{table}")
    List<Code> of(@PathVariable String table) {
        return tables.of(table);
    }

    @CanWritePublication
    @PutMapping("/{table}/{code}")
    Code save(Authentication caller, @PathVariable String table, @PathVariable String code,
              @Valid @RequestBody CodeRequest request) {
        return tables.save(new Code(table, code, request.label().strip(), request.labelEn().strip(),
                request.active() == null || request.active(), request.position() == null ? 0 : request.position()),
                caller.getName());
    }
}
