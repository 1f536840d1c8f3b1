package org.medops.imaging.viewer;

import org.medops.imaging.permissions.CanReadImages;
import org.medops.imaging.store.ImageStore;
import org.medops.imaging.store.StudyOverview;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The studies list and the viewer page; opening a study in the viewer is audited. */
@Controller
class ViewerController {

    private static final int MAX_PAGE_SIZE = 100;

    private final ImageStore store;
    private final tools.jackson.databind.json.JsonMapper json;

    ViewerController(ImageStore store, tools.jackson.databind.json.JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @CanReadImages
    @GetMapping("/imaging")
    String studies(@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        var rows = store.recent(pageSize, page);
        model.addAttribute("studies", rows.subList(0, Math.min(pageSize, rows.size())));
        model.addAttribute("hasNext", rows.size() > pageSize);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("size", pageSize);
        return "imaging/studies";
    }

    @CanReadImages
    @GetMapping("/imaging/viewer")
    String viewer(@RequestParam String study, Authentication reader, Model model) {
        StudyOverview overview = store.overview(study, reader);
        store.opened(study, "viewer", reader);
        model.addAttribute("study", overview);
        model.addAttribute("studyJson", json.writeValueAsString(overview));
        return "imaging/viewer";
    }
}
