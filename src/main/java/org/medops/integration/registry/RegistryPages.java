package org.medops.integration.registry;

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
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 服务注册 and 对接服务清单: the registry list, the register and edit form (the API's {@link Registry.ServiceForm}),
 * a service with its subscriptions (and a SERVICE's recent calls), the request form, the service list.
 */
@Controller
class RegistryPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<ListExport.Column<RegisteredService>> COLUMNS = List.of(
            ListExport.Column.of("registry.service.code", RegisteredService::code),
            ListExport.Column.of("registry.service.name", RegisteredService::name),
            ListExport.Column.of("registry.service.system", RegisteredService::systemCode),
            ListExport.Column.label("registry.service.kind", s -> "registry.kind." + s.kind()),
            ListExport.Column.of("registry.service.messageType", RegisteredService::messageType),
            ListExport.Column.of("registry.service.owner", RegisteredService::owner),
            ListExport.Column.label("registry.service.status", s -> "registry.status." + s.status()),
            ListExport.Column.of("registry.service.channel", RegisteredService::channel),
            ListExport.Column.of("registry.service.created", RegisteredService::createdAt));

    private final Registry registry;
    private final RegistryStore store;
    private final ServiceList serviceList;
    private final OpsdeskSystems systems;
    private final ListExport export;
    private final Settings settings;
    private final ServiceCalls calls;
    private final ChannelDirectory channels;

    RegistryPages(Registry registry, RegistryStore store, ServiceList serviceList, OpsdeskSystems systems,
                  ListExport export, Settings settings, ServiceCalls calls, ChannelDirectory channels) {
        this.calls = calls;
        this.channels = channels;
        this.registry = registry;
        this.store = store;
        this.serviceList = serviceList;
        this.systems = systems;
        this.export = export;
        this.settings = settings;
    }

    @GetMapping("/integration/registry")
    @CanReadIntegration
    String list(@RequestParam(required = false) String system, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String export, Locale locale, Model model, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        RegistryStore.Filter filter = RegistryApi.filter(system, kind, status);
        ListRequest request = ListRequest.of(page, size, sort, RegistryStore.SORT);
        if (export != null) {
            this.export.export("integration-services", COLUMNS, store, filter, request, export, settings.current().zone(),
                    locale, http, response);
            return null;
        }
        model.addAttribute("services", ListPage.of(store, filter, request, http));
        model.addAttribute("systems", systems.all());
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", ServiceKind.values());
        model.addAttribute("statuses", ServiceStatus.values());
        return "integration/registry/list";
    }

    @GetMapping("/integration/registry/{code}")
    @CanReadIntegration
    String one(@PathVariable String code, Model model) {
        RegisteredService service = registry.get(code);
        model.addAttribute("service", service);
        model.addAttribute("subscriptions", registry.subscriptionsOf(code));
        model.addAttribute("calls", service.kind() == ServiceKind.SERVICE ? calls.recent(code, 20) : List.of());
        model.addAttribute("breaker", calls.breakerState(code));
        return "integration/registry/service";
    }

    /** The form to register a service: the same {@link Registry.ServiceForm} the API takes, checked by the same rule. */
    @GetMapping("/integration/registry/new")
    @CanEditIntegrationChannels
    String newForm(Model model) {
        return form(model, new Registry.ServiceForm("", "", "", "TOPIC", "", "", "", "", "", "", "", null, null), null,
                null);
    }

    @PostMapping("/integration/registry")
    @CanEditIntegrationChannels
    String register(@ModelAttribute("form") Registry.ServiceForm form, BindingResult binding, Authentication who,
                    Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, form, null, ProblemException.invalid("integration-service-timeout", "-"));
        }
        try {
            RegisteredService saved = registry.register(form, who.getName());
            redirect.addFlashAttribute("notice", "registry.service.registered");
            return "redirect:/integration/registry/" + saved.code();
        } catch (ProblemException e) {
            return form(model, form, null, e);
        }
    }

    @GetMapping("/integration/registry/{code}/edit")
    @CanEditIntegrationChannels
    String editForm(@PathVariable String code, Model model) {
        RegisteredService s = registry.get(code);
        return form(model, new Registry.ServiceForm(s.code(), s.name(), s.systemCode(), s.kind().name(),
                s.messageType(), s.messageVersion(), s.schemaText(), s.owner(), s.channel(), null, s.endpoint(),
                s.timeoutMs(), s.status().name()), s, null);
    }

    @PostMapping("/integration/registry/{code}")
    @CanEditIntegrationChannels
    String update(@PathVariable String code, @ModelAttribute("form") Registry.ServiceForm form, BindingResult binding,
                  Authentication who, Model model, RedirectAttributes redirect) {
        RegisteredService before = registry.get(code);
        if (binding.hasErrors()) {
            return form(model, form, before, ProblemException.invalid("integration-service-timeout", "-"));
        }
        try {
            // The form always sends every field: a blank one clears it (the API's null keeps it).
            registry.update(code, new Registry.ServiceForm(code, form.name() == null ? "" : form.name(), form.system(),
                    null, blank(form.messageType()), blank(form.messageVersion()), blank(form.schema()),
                    blank(form.owner()), form.channel(), null, blank(form.endpoint()), form.timeoutMs(), form.status()),
                    who.getName());
            redirect.addFlashAttribute("notice", "registry.service.saved");
            return "redirect:/integration/registry/" + code;
        } catch (ProblemException e) {
            return form(model, form, before, e);
        }
    }

    private String form(Model model, Registry.ServiceForm form, RegisteredService editing, ProblemException problem) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("systems", systems.active());
        model.addAttribute("kinds", ServiceKind.values());
        model.addAttribute("statuses", ServiceStatus.values());
        model.addAttribute("channels", channels.all().stream().map(StoredChannel::code).toList());
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("invalid", field(problem.code()));
        }
        return "integration/registry/form";
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    /** The form field a problem is about, so that it is marked beside the message. */
    static String field(String code) {
        return switch (code) {
            case "integration-service-code", "integration-service-exists", "integration-service-channel-taken" -> "code";
            case "integration-service-name" -> "name";
            case "integration-service-system", "unknown-system" -> "system";
            case "integration-service-kind", "integration-service-kind-fixed" -> "kind";
            case "integration-service-message-type" -> "messageType";
            case "integration-service-message-version" -> "messageVersion";
            case "integration-service-schema" -> "schema";
            case "integration-service-owner" -> "owner";
            case "integration-service-endpoint", "integration-service-endpoint-topic" -> "endpoint";
            case "integration-service-timeout" -> "timeoutMs";
            case "integration-service-status" -> "status";
            case "not-found", "integration-service-channel" -> "channel";
            default -> "";
        };
    }

    @GetMapping("/integration/registry/{code}/subscribe")
    @CanOperateIntegration
    String subscribeForm(@PathVariable String code, Model model) {
        model.addAttribute("service", registry.get(code));
        model.addAttribute("systems", systems.active());
        model.addAttribute("delivery", "{\"type\": \"HTTP\", \"url\": \"http://10.1.2.3:8080/adt\"}");
        return "integration/registry/subscribe";
    }

    @PostMapping("/integration/registry/{code}/subscribe")
    @CanOperateIntegration
    String subscribe(@PathVariable String code, @RequestParam String system,
                     @RequestParam(required = false, defaultValue = "") String delivery,
                     @RequestParam(required = false) String filter, Authentication who, Model model,
                     RedirectAttributes redirect) {
        try {
            boolean service = registry.get(code).kind() == ServiceKind.SERVICE;
            registry.subscribe(new Registry.SubscriptionForm(code, system, service ? null : parse(delivery), filter),
                    who.getName());
            redirect.addFlashAttribute("notice", "registry.sub.requested.notice");
            return "redirect:/integration/registry/" + code;
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            model.addAttribute("service", registry.get(code));
            model.addAttribute("systems", systems.active());
            model.addAttribute("delivery", delivery);
            model.addAttribute("chosen", system);
            model.addAttribute("filterText", filter);
            return "integration/registry/subscribe";
        }
    }

    private static tools.jackson.databind.JsonNode parse(String delivery) {
        try {
            return JSON.readTree(delivery);
        } catch (JacksonException e) {
            throw ProblemException.invalid("integration-subscription-delivery", "-");
        }
    }

    @PostMapping("/integration/registry/subscriptions/{id}/approve")
    @CanDecideSubscriptions
    String approve(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return move(id, "approve", who, redirect);
    }

    @PostMapping("/integration/registry/subscriptions/{id}/reject")
    @CanDecideSubscriptions
    String reject(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return move(id, "reject", who, redirect);
    }

    @PostMapping("/integration/registry/subscriptions/{id}/suspend")
    @CanDecideSubscriptions
    String suspend(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return move(id, "suspend", who, redirect);
    }

    @PostMapping("/integration/registry/subscriptions/{id}/resume")
    @CanDecideSubscriptions
    String resume(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return move(id, "resume", who, redirect);
    }

    @PostMapping("/integration/registry/subscriptions/{id}/cancel")
    @CanDecideSubscriptions
    String cancel(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return move(id, "cancel", who, redirect);
    }

    private String move(long id, String step, Authentication who, RedirectAttributes redirect) {
        Subscription subscription = registry.subscription(id);
        boolean calls = registry.get(subscription.serviceCode()).kind() == ServiceKind.SERVICE;
        ConsoleActions.attempt(redirect, calls ? "registry.sub.movedCall" : "registry.sub.moved",
                () -> registry.move(id, step, RegistryApi.actor(who)));
        return "redirect:/integration/registry/" + subscription.serviceCode();
    }

    @GetMapping("/integration/service-list")
    @CanReadIntegration
    String serviceList(@RequestParam(required = false) String system, @RequestParam(required = false) String export,
                       Locale locale, Model model, HttpServletRequest http, HttpServletResponse response) throws IOException {
        if (export != null) {
            RegistryApi.write(this.export, serviceList, settings, system, export, locale, http, response);
            return null;
        }
        String chosen = system == null || system.isBlank() ? null : system;
        model.addAttribute("entries", serviceList.entries(chosen));
        model.addAttribute("systems", systems.all());
        model.addAttribute("system", chosen);
        return "integration/registry/service-list";
    }
}
