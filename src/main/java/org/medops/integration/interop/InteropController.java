package org.medops.integration.interop;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.StoredChannel;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.settings.Settings;
import org.medops.shared.ConsoleActions;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 互联互通: the route table (paged, exportable), the calls of the chosen route, the shipped samples (viewed and sent
 * as a test) and the callers' credentials (issued per system, the password shown once).
 */
@Controller
@RequestMapping("/integration/interop")
class InteropController {

    private final InteropRoutes routes;
    private final InteropCatalogue catalogue;
    private final InteropSamples samples;
    private final ChannelDirectory channels;
    private final ObjectProvider<InteropServer> server;
    private final RouteStore store;
    private final ListExport export;
    private final Settings settings;
    private final SystemCredentials credentials;
    private final OpsdeskSystems systems;

    InteropController(InteropRoutes routes, InteropCatalogue catalogue, InteropSamples samples,
                      ChannelDirectory channels, ObjectProvider<InteropServer> server, RouteStore store,
                      ListExport export, Settings settings, SystemCredentials credentials, OpsdeskSystems systems) {
        this.store = store;
        this.export = export;
        this.settings = settings;
        this.credentials = credentials;
        this.systems = systems;
        this.routes = routes;
        this.catalogue = catalogue;
        this.samples = samples;
        this.channels = channels;
        this.server = server;
    }

    static final List<ListExport.Column<InteropRoute>> COLUMNS = List.of(
            ListExport.Column.of("interop.route", InteropRoute::route),
            ListExport.Column.label("interop.kind", r -> "interop.kind." + r.kind().key()),
            ListExport.Column.of("interop.channel", InteropRoute::channel),
            ListExport.Column.of("interop.description", InteropRoute::description),
            ListExport.Column.of("interop.updated", InteropRoute::updatedAt),
            ListExport.Column.of("interop.updatedBy", InteropRoute::updatedBy));

    /** The route table, paged and filtered (kind, text), exported to CSV/Excel with {@code export}. */
    @GetMapping
    @CanReadIntegration
    String page(@RequestParam(required = false) String route, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String export, Locale locale, Model model, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        RouteStore.Filter filter = filter(kind, q);
        ListRequest request = ListRequest.of(page, size, sort, RouteStore.SORT);
        if (export != null) {
            this.export.export("integration-interop-routes", COLUMNS, store, filter, request, export,
                    settings.current().zone(), locale, http, response);
            return null;
        }
        model.addAttribute("page", ListPage.of(store, filter, request, http));
        model.addAttribute("filter", filter);
        fill(model, route);
        return "integration/interop";
    }

    static RouteStore.Filter filter(String kind, String q) {
        InteropRoute.Kind chosen = null;
        if (kind != null && !kind.isBlank()) {
            try {
                chosen = InteropRoute.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("integration-interop-kind", kind);
            }
        }
        return new RouteStore.Filter(chosen, q == null || q.isBlank() ? null : q.strip());
    }

    @PostMapping("/credentials/{system}")
    @CanEditIntegrationChannels
    String issue(@PathVariable String system, Authentication who, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issued", credentials.issue(system, who.getName()));
            redirect.addFlashAttribute("notice", "interop.credential.issued");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/integration/interop#interop-credentials";
    }

    @PostMapping("/credentials/{system}/revoke")
    @CanEditIntegrationChannels
    String revoke(@PathVariable String system, Authentication who, RedirectAttributes redirect) {
        ConsoleActions.attempt(redirect, "interop.credential.revoked", () -> credentials.revoke(system, who.getName()));
        return "redirect:/integration/interop#interop-credentials";
    }

    @PostMapping("/routes")
    @CanEditIntegrationChannels
    String put(@RequestParam(defaultValue = "") String route, @RequestParam(defaultValue = "") String channel,
               @RequestParam(defaultValue = "") String description, Authentication who, RedirectAttributes redirect) {
        try {
            routes.put(route.strip(), channel, description, who.getName());
            redirect.addFlashAttribute("notice", "interop.saved");
            return "redirect:/integration/interop?route=" + route.strip();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/integration/interop";
        }
    }

    @PostMapping("/routes/{route}/delete")
    @CanEditIntegrationChannels
    String delete(@PathVariable String route, Authentication who, RedirectAttributes redirect) {
        try {
            routes.remove(route, who.getName());
            redirect.addFlashAttribute("notice", "interop.deleted");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/integration/interop";
    }

    /** Sends the route's sample through HIPMessageServer (stored and answered as any call) and shows the answer. */
    @PostMapping("/samples/{route}/send")
    @CanOperateIntegration
    String send(@PathVariable String route, Model model, HttpServletRequest http) {
        samples.send(route).ifPresent(answer -> model.addAttribute("answer", answer));
        RouteStore.Filter filter = new RouteStore.Filter(null, null);
        model.addAttribute("page", ListPage.of(store, filter, ListRequest.of(null, null, null, RouteStore.SORT), http));
        model.addAttribute("filter", filter);
        fill(model, route);
        return "integration/interop";
    }

    private void fill(Model model, String route) {
        @SuppressWarnings("unchecked")
        List<InteropRoute> shown = ((ListPage<InteropRoute>) model.getAttribute("page")).rows();
        String chosen = route != null && !route.isBlank() ? route
                : shown.isEmpty() ? null : shown.get(0).route();
        model.addAttribute("kinds", InteropRoute.Kind.values());
        model.addAttribute("systems", systems.active());
        model.addAttribute("credentials", credentials.all().stream()
                .collect(java.util.stream.Collectors.toMap(SystemCredentials.View::system, c -> c)));
        model.addAttribute("chosen", chosen);
        model.addAttribute("calls", chosen != null && routes.find(chosen).isPresent()
                ? routes.calls(chosen, 20) : List.of());
        model.addAttribute("entries", catalogue.entries());
        model.addAttribute("sample", chosen == null ? null : catalogue.sample(chosen).orElse(null));
        model.addAttribute("channels", channels.all().stream().map(StoredChannel::code).toList());
        InteropServer listening = server.getIfAvailable();
        model.addAttribute("interopPort", listening == null ? -1 : listening.port());
    }
}
