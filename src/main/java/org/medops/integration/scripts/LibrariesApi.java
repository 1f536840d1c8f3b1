package org.medops.integration.scripts;

import java.util.List;

import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanReadIntegration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Code libraries over REST: the JavaScript source as text in and out, and its versions. */
@RestController
@RequestMapping("/api/v1/integration/libraries")
class LibrariesApi {

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    private final Libraries libraries;

    LibrariesApi(Libraries libraries) {
        this.libraries = libraries;
    }

    @GetMapping
    @CanReadIntegration
    List<LibrarySummary> list() {
        return libraries.all().stream().map(LibrarySummary::of).toList();
    }

    @GetMapping("/{code}")
    @CanReadIntegration
    ResponseEntity<String> one(@PathVariable String code) {
        StoredLibrary library = libraries.get(code);
        return ResponseEntity.ok().header("X-MedOps-Library-Version", String.valueOf(library.version()))
                .contentType(JAVASCRIPT).body(library.source());
    }

    @PutMapping("/{code}")
    @CanEditIntegrationChannels
    ResponseEntity<Libraries.Saved> save(@PathVariable String code, @RequestBody String source, Authentication who) {
        Libraries.Saved saved = libraries.save(code, source, who.getName());
        return ResponseEntity.status(saved.created() ? 201 : 200).body(saved);
    }

    @GetMapping("/{code}/versions")
    @CanReadIntegration
    List<LibraryVersion> versions(@PathVariable String code) {
        return libraries.versions(code);
    }

    @GetMapping("/{code}/versions/{version}")
    @CanReadIntegration
    ResponseEntity<String> version(@PathVariable String code, @PathVariable int version) {
        return ResponseEntity.ok().contentType(JAVASCRIPT).body(libraries.source(code, version));
    }

    record LibrarySummary(String code, int version, java.time.Instant updatedAt, String updatedBy) {

        static LibrarySummary of(StoredLibrary library) {
            return new LibrarySummary(library.code(), library.version(), library.updatedAt(), library.updatedBy());
        }
    }
}
