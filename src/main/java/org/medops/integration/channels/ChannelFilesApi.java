package org.medops.integration.channels;

import java.io.IOException;
import java.util.List;

import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.shared.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Channel files: {@code GET /api/v1/integration/channel-files} downloads every channel as a zip,
 * {@code GET …/{code}} one channel as its file, {@code POST} (multipart {@code file}: a zip or one
 * {@code .json}/{@code .yaml}) imports them, all or nothing.
 */
@RestController
@RequestMapping("/api/v1/integration/channel-files")
class ChannelFilesApi {

    private final ChannelFiles files;

    ChannelFilesApi(ChannelFiles files) {
        this.files = files;
    }

    @GetMapping
    @CanReadIntegration
    ResponseEntity<byte[]> all() {
        return files.exportAll().response();
    }

    @GetMapping("/{code}")
    @CanReadIntegration
    ResponseEntity<byte[]> one(@PathVariable String code) {
        return files.export(code).response();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CanEditIntegrationChannels
    List<ChannelFiles.Imported> importFiles(@RequestParam("file") MultipartFile file, Authentication who) {
        return files.importFile(file, who.getName());
    }
}
