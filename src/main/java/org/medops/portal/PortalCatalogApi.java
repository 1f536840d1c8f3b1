package org.medops.portal;

import java.util.List;
import java.util.Set;

import org.medops.catalog.Catalog;
import org.medops.catalog.ServiceDoc;
import org.medops.identity.CanUseDeveloperPortal;
import org.medops.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The published catalogue for developers' scripts; an unpublished service answers 404, as if absent. */
@RestController
class PortalCatalogApi {

    private final Catalog catalog;

    PortalCatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/portal/apis")
    @CanUseDeveloperPortal
    List<ApiEntry> apis() {
        return catalog.publishedServices().stream().map(ApiEntry::of).toList();
    }

    @GetMapping("/api/v1/portal/apis/{code}")
    @CanUseDeveloperPortal
    ApiDocs api(@PathVariable String code) {
        ServiceDoc.Published api = catalog.publishedService(code)
                .orElseThrow(() -> ProblemException.notFound("service", code));
        ServiceDoc doc = api.doc();
        return new ApiDocs(ApiEntry.of(api), doc.requestExample(), doc.responseExample(), doc.openApi(),
                doc.errorCodeList());
    }

    /** What a developer may know of a service: never its upstream addresses or breaker settings. */
    record ApiEntry(String code, String name, String description, String owningSystem, String summary,
                    Set<String> methods, Integer rateLimitPerSecond, boolean online) {
        static ApiEntry of(ServiceDoc.Published api) {
            return new ApiEntry(api.service().code(), api.service().name(), api.service().description(),
                    api.service().owningSystem(), api.doc().summary(), api.service().allowedMethods(),
                    api.service().rateLimitPerSecond(), api.service().online());
        }
    }

    record ApiDocs(ApiEntry service, String requestExample, String responseExample, String openApi,
                   List<ServiceDoc.ErrorCode> errorCodes) {
    }
}
