package org.medops.publication.imports;

import java.io.IOException;

import org.medops.publication.permissions.CanWritePublication;
import org.medops.publication.topics.Topic;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/publication/imports/{topic}} (multipart {@code file}) previews; {@code …/{id}/confirm} writes. */
@RestController
class ImportApi {

    private final TopicImports imports;

    ImportApi(TopicImports imports) {
        this.imports = imports;
    }

    @CanWritePublication
    @PostMapping("/api/v1/publication/imports/{topic:departments|doctors|schedules}")
    @ResponseStatus(HttpStatus.CREATED)
    ImportPreview upload(Authentication caller, @PathVariable String topic, @RequestParam("file") MultipartFile file)
            throws IOException {
        return imports.upload(Topic.ofPath(topic), file.getOriginalFilename(), file.getBytes(), caller.getName());
    }

    @CanWritePublication
    @PostMapping("/api/v1/publication/imports/{id:\\d+}/confirm")
    ImportPreview confirm(Authentication caller, @PathVariable long id) {
        return imports.confirm(id, caller.getName());
    }
}
