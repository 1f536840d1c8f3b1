package org.medops.integration.interop;

import java.util.List;

import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.StoredChannel;
import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
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

/** 互联互通: the route table, the calls of the chosen route, the shipped samples (viewed and sent as a test). */
@Controller
@RequestMapping("/integration/interop")
class InteropController {

    private final InteropRoutes routes;
    private final InteropCatalogue catalogue;
    private final InteropSamples samples;
    private final ChannelDirectory channels;
    private final ObjectProvider<InteropServer> server;

    InteropController(InteropRoutes routes, InteropCatalogue catalogue, InteropSamples samples,
                      ChannelDirectory channels, ObjectProvider<InteropServer> server) {
        this.routes = routes;
        this.catalogue = catalogue;
        this.samples = samples;
        this.channels = channels;
        this.server = server;
    }

    @GetMapping
    @CanReadIntegration
    String page(@RequestParam(required = false) String route, Model model) {
        fill(model, route);
        return "integration/interop";
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
    String send(@PathVariable String route, Model model) {
        samples.send(route).ifPresent(answer -> model.addAttribute("answer", answer));
        fill(model, route);
        return "integration/interop";
    }

    private void fill(Model model, String route) {
        List<InteropRoute> all = routes.all();
        String chosen = route != null && !route.isBlank() ? route
                : all.isEmpty() ? null : all.get(0).route();
        model.addAttribute("routes", all);
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
