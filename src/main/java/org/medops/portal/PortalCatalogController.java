package org.medops.portal;

import org.medops.catalog.Catalog;
import org.medops.catalog.OpenApiText;
import org.medops.catalog.ServiceDoc;
import org.medops.identity.CanUseDeveloperPortal;
import org.medops.identity.DeveloperAccounts;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * API 目录: the services published to the portal, and each one's docs — description, owning system,
 * rate limit, examples, error codes and its OpenAPI document printed as tables on the server.
 */
@Controller
class PortalCatalogController {

    private final Catalog catalog;

    PortalCatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/portal/apis")
    @CanUseDeveloperPortal
    String apis(Authentication who, Model model) {
        model.addAttribute("apis", catalog.publishedServices());
        model.addAttribute("grants", catalog.grantsOf(DeveloperAccounts.ownChannel(who)));
        return "developer/apis";
    }

    @GetMapping("/portal/apis/{code}")
    @CanUseDeveloperPortal
    String api(@PathVariable String code, Authentication who, Model model) {
        ServiceDoc.Published api = catalog.publishedService(code)
                .orElseThrow(() -> ProblemException.notFound("service", code));
        model.addAttribute("api", api);
        model.addAttribute("methods", String.join(", ", new java.util.TreeSet<>(api.service().allowedMethods())));
        model.addAttribute("granted", catalog.grantsOf(DeveloperAccounts.ownChannel(who)).contains(code));
        model.addAttribute("openApi", api.doc().openApi() == null ? null
                : OpenApiView.of(OpenApiText.parse(api.doc().openApi())));
        return "developer/api";
    }
}
