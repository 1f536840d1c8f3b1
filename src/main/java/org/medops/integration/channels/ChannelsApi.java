package org.medops.integration.channels;

import java.util.List;

import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Channel documents over REST: the document as text in and out, its versions, revert, enable and disable. */
@RestController
@RequestMapping("/api/v1/integration/channels")
class ChannelsApi {

    private final ChannelDirectory directory;
    private final ChannelBook book;

    ChannelsApi(ChannelDirectory directory, ChannelBook book) {
        this.directory = directory;
        this.book = book;
    }

    @GetMapping
    @CanReadIntegration
    List<ChannelSummary> list() {
        return directory.all().stream().map(ChannelSummary::of).toList();
    }

    /** Exactly the text that was stored, byte for byte, as JSON or YAML as it was written. */
    @GetMapping("/{code}")
    @CanReadIntegration
    ResponseEntity<String> one(@PathVariable String code) {
        StoredChannel channel = directory.get(code);
        return ResponseEntity.ok().header("X-MedOps-Channel-Version", String.valueOf(channel.version()))
                .contentType(DocumentFormat.of(channel.document()).mediaType()).body(channel.document());
    }

    @PutMapping(value = "/{code}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml",
            "text/yaml"})
    @CanEditIntegrationChannels
    ResponseEntity<ChannelBook.Saved> save(@PathVariable String code, @RequestBody String document, Authentication who) {
        ChannelBook.Saved saved = book.save(code, document, who.getName());
        return ResponseEntity.status(saved.created() ? 201 : 200).body(saved);
    }

    @GetMapping("/{code}/versions")
    @CanReadIntegration
    List<ChannelVersion> versions(@PathVariable String code) {
        directory.get(code);
        return directory.versions(code);
    }

    @GetMapping("/{code}/versions/{version}")
    @CanReadIntegration
    ResponseEntity<String> version(@PathVariable String code, @PathVariable int version) {
        String document = directory.document(code, version);
        return ResponseEntity.ok().contentType(DocumentFormat.of(document).mediaType()).body(document);
    }

    @PostMapping("/{code}/versions/{version}/revert")
    @CanEditIntegrationChannels
    ChannelBook.Saved revert(@PathVariable String code, @PathVariable int version, Authentication who) {
        return book.revert(code, version, who.getName());
    }

    @PostMapping("/{code}/enable")
    @CanOperateIntegration
    ChannelSummary enable(@PathVariable String code, Authentication who) {
        return ChannelSummary.of(book.enable(code, true, who.getName()));
    }

    @PostMapping("/{code}/disable")
    @CanOperateIntegration
    ChannelSummary disable(@PathVariable String code, Authentication who) {
        return ChannelSummary.of(book.enable(code, false, who.getName()));
    }

    record ChannelSummary(String code, String name, int version, boolean enabled, Integer port, java.time.Instant updatedAt,
                          String updatedBy) {

        static ChannelSummary of(StoredChannel c) {
            ChannelDocument d = ChannelDirectory.parse(c.document());
            return new ChannelSummary(c.code(), d.name(), c.version(), c.enabled(), d.source().port(), c.updatedAt(),
                    c.updatedBy());
        }
    }
}
