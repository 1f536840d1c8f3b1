package org.medops.console;

import org.medops.settings.Settings;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the site name an administrator configured. */
@ControllerAdvice(annotations = Controller.class)
class SiteAttributes {

    private final Settings settings;

    SiteAttributes(Settings settings) {
        this.settings = settings;
    }

    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("siteName")
    String siteName() {
        return settings.current().siteName();
    }
}
