package org.medops.integration.pages;

import org.medops.integration.channels.ChannelFiles;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The channel list's export (all channels as a zip, or one as its file) and import buttons. */
@Controller
@RequestMapping("/integration/channel-files")
class ChannelFilesController {

    private final ChannelFiles files;

    ChannelFilesController(ChannelFiles files) {
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

    @PostMapping
    @CanEditIntegrationChannels
    String importFiles(@RequestParam(name = "file", required = false) MultipartFile file, Authentication who,
                       RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("integration-channel-import-empty");
            }
            redirect.addFlashAttribute("imported", files.importFile(file, who.getName()));
            redirect.addFlashAttribute("notice", "integration.channel.imported");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/integration/channels";
    }
}
