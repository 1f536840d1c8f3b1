package org.medops.integration.interop;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The route table of the interoperability interfaces, the calls per route and the shipped samples. */
@RestController
@RequestMapping("/api/v1/integration/interop")
class InteropRoutesApi {

    private final InteropRoutes routes;
    private final InteropCatalogue catalogue;
    private final InteropSamples samples;
    private final RouteStore store;
    private final ListExport export;
    private final Settings settings;
    private final SystemCredentials credentials;

    InteropRoutesApi(InteropRoutes routes, InteropCatalogue catalogue, InteropSamples samples, RouteStore store,
                     ListExport export, Settings settings, SystemCredentials credentials) {
        this.store = store;
        this.export = export;
        this.settings = settings;
        this.credentials = credentials;
        this.routes = routes;
        this.catalogue = catalogue;
        this.samples = samples;
    }

    record RouteBody(String channel, String description) {
    }

    record SampleRow(String route, String description, boolean hasSample) {
    }

    record SendResult(String route, String answer) {
    }

    /** The route table, paged ({@code page}, {@code size} ≤ 200, {@code sort}) and filtered ({@code kind}, {@code q}). */
    @GetMapping("/routes")
    @CanReadIntegration
    ListPage<InteropRoute> all(@RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                               @RequestParam(required = false) String sort, HttpServletRequest http) {
        return ListPage.of(store, InteropController.filter(kind, q), ListRequest.of(page, size, sort, RouteStore.SORT), http);
    }

    @GetMapping("/routes/export")
    @CanReadIntegration
    void export(@RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "xlsx") String format,
                Locale locale, HttpServletRequest http, HttpServletResponse response) throws IOException {
        export.export("integration-interop-routes", InteropController.COLUMNS, store, InteropController.filter(kind, q),
                ListRequest.of(null, null, sort, RouteStore.SORT), format, settings.current().zone(), locale, http, response);
    }

    /** The systems' interop credentials (never a password). */
    @GetMapping("/credentials")
    @CanReadIntegration
    List<SystemCredentials.View> credentials() {
        return credentials.all();
    }

    /** Issues (or re-issues) a system's credential: the password is in this answer only. */
    @PostMapping("/credentials/{system}")
    @CanEditIntegrationChannels
    ResponseEntity<SystemCredentials.Issued> issue(@PathVariable String system, Authentication who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(credentials.issue(system, who.getName()));
    }

    @DeleteMapping("/credentials/{system}")
    @CanEditIntegrationChannels
    ResponseEntity<Void> revoke(@PathVariable String system, Authentication who) {
        credentials.revoke(system, who.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/routes/{route}")
    @CanReadIntegration
    InteropRoute one(@PathVariable String route) {
        return routes.get(route);
    }

    @PutMapping("/routes/{route}")
    @CanEditIntegrationChannels
    ResponseEntity<InteropRoute> put(@PathVariable String route, @RequestBody(required = false) RouteBody body,
                                     Authentication who) {
        if (body == null) {
            throw ProblemException.invalid("integration-interop-channel-missing");
        }
        boolean created = routes.put(route, body.channel(), body.description(), who.getName());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(routes.get(route));
    }

    @DeleteMapping("/routes/{route}")
    @CanEditIntegrationChannels
    ResponseEntity<Void> remove(@PathVariable String route, Authentication who) {
        routes.remove(route, who.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/routes/{route}/calls")
    @CanReadIntegration
    List<InteropCall> calls(@PathVariable String route, @RequestParam(defaultValue = "20") int limit) {
        return routes.calls(route, limit);
    }

    @GetMapping("/samples")
    @CanReadIntegration
    List<SampleRow> samples() {
        return catalogue.entries().stream()
                .map(e -> new SampleRow(e.route(), e.description(), catalogue.sample(e.route()).isPresent())).toList();
    }

    @GetMapping(value = "/samples/{route}", produces = "application/xml")
    @CanReadIntegration
    String sample(@PathVariable String route) {
        return catalogue.sample(route).orElseThrow(() -> ProblemException.notFound("integration-interop-sample", route));
    }

    /** Sends the shipped sample through {@code HIPMessageServer} as a caller would (stored, audited as a call). */
    @PostMapping("/samples/{route}/send")
    @CanOperateIntegration
    SendResult send(@PathVariable String route) {
        return new SendResult(route, samples.send(route)
                .orElseThrow(() -> ProblemException.notFound("integration-interop-sample", route)));
    }
}
