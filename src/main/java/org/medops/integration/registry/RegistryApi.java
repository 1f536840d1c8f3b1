package org.medops.integration.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.DeployedChannel;
import org.medops.integration.intake.Intake;
import org.medops.integration.intake.Received;
import org.medops.integration.intake.Taken;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry over REST: services and topics, subscriptions and their steps, publishing, the service list. */
@RestController
@RequestMapping("/api/v1/integration")
class RegistryApi {

    private static final Duration STORE_WAIT = Duration.ofSeconds(30);

    private final Registry registry;
    private final RegistryStore store;
    private final ServiceList serviceList;
    private final ChannelDirectory channels;
    private final Intake intake;
    private final ListExport export;
    private final Settings settings;
    private final ServiceCalls calls;

    RegistryApi(Registry registry, RegistryStore store, ServiceList serviceList, ChannelDirectory channels, Intake intake,
                ListExport export, Settings settings, ServiceCalls calls) {
        this.calls = calls;
        this.registry = registry;
        this.store = store;
        this.serviceList = serviceList;
        this.channels = channels;
        this.intake = intake;
        this.export = export;
        this.settings = settings;
    }

    @GetMapping("/services")
    @CanReadIntegration
    ListPage<RegisteredService> services(@RequestParam(required = false) String system,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size,
                                         @RequestParam(required = false) String sort, HttpServletRequest http) {
        return ListPage.of(store, filter(system, kind, status), ListRequest.of(page, size, sort, RegistryStore.SORT), http);
    }

    static RegistryStore.Filter filter(String system, String kind, String status) {
        return new RegistryStore.Filter(blank(system) ? null : system,
                blank(kind) ? null : value(ServiceKind.class, kind, "integration-service-kind"),
                blank(status) ? null : value(ServiceStatus.class, status, "integration-service-status"));
    }

    @PostMapping("/services")
    @CanEditIntegrationChannels
    ResponseEntity<RegisteredService> register(@RequestBody Registry.ServiceForm form, Authentication who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.register(form, who.getName()));
    }

    @GetMapping("/services/{code}")
    @CanReadIntegration
    ServiceView one(@PathVariable String code) {
        return new ServiceView(registry.get(code), registry.subscriptionsOf(code));
    }

    record ServiceView(RegisteredService service, List<Subscription> subscriptions) {
    }

    @PutMapping("/services/{code}")
    @CanEditIntegrationChannels
    RegisteredService update(@PathVariable String code, @RequestBody Registry.ServiceForm form, Authentication who) {
        return registry.update(code, form, who.getName());
    }

    /**
     * Calls a request/response service as {@code system} (which must hold an active subscription): the body and
     * content type as sent, forwarded to the publishing system; its answer as it came, with the call's id in
     * {@code X-MedOps-Call-Id}. Systems themselves call it on the interop port with their own credentials.
     */
    @PostMapping("/services/{code}/call")
    @CanOperateIntegration
    ResponseEntity<byte[]> call(@PathVariable String code, @RequestParam String system,
                                @RequestBody(required = false) byte[] body, HttpServletRequest http, Authentication who) {
        ServiceCalls.Answer answer = calls.call(code, system, http.getContentType(), body, who.getName());
        var response = ResponseEntity.status(answer.status()).header("X-MedOps-Call-Id", String.valueOf(answer.callId()));
        if (answer.contentType() != null) {
            response.header("Content-Type", answer.contentType());
        }
        return response.body(answer.body());
    }

    @GetMapping("/services/{code}/calls")
    @CanReadIntegration
    List<ServiceCalls.CallRecord> calls(@PathVariable String code, @RequestParam(defaultValue = "20") int limit) {
        registry.get(code);
        return calls.recent(code, limit);
    }

    @PostMapping("/services/{code}/retire")
    @CanEditIntegrationChannels
    RegisteredService retire(@PathVariable String code, Authentication who) {
        return registry.retire(code, who.getName());
    }

    @PostMapping("/subscriptions")
    @CanOperateIntegration
    ResponseEntity<Subscription> subscribe(@RequestBody Registry.SubscriptionForm form, Authentication who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.subscribe(form, who.getName()));
    }

    @GetMapping("/subscriptions/{id}")
    @CanReadIntegration
    Subscription subscription(@PathVariable long id) {
        return registry.subscription(id);
    }

    @PostMapping("/subscriptions/{id}/approve")
    @CanDecideSubscriptions
    Subscription approve(@PathVariable long id, Authentication who) {
        return registry.move(id, "approve", actor(who));
    }

    @PostMapping("/subscriptions/{id}/reject")
    @CanDecideSubscriptions
    Subscription reject(@PathVariable long id, Authentication who) {
        return registry.move(id, "reject", actor(who));
    }

    @PostMapping("/subscriptions/{id}/suspend")
    @CanDecideSubscriptions
    Subscription suspend(@PathVariable long id, Authentication who) {
        return registry.move(id, "suspend", actor(who));
    }

    @PostMapping("/subscriptions/{id}/resume")
    @CanDecideSubscriptions
    Subscription resume(@PathVariable long id, Authentication who) {
        return registry.move(id, "resume", actor(who));
    }

    @PostMapping("/subscriptions/{id}/cancel")
    @CanDecideSubscriptions
    Subscription cancel(@PathVariable long id, Authentication who) {
        return registry.move(id, "cancel", actor(who));
    }

    static Registry.Actor actor(Authentication who) {
        return new Registry.Actor(who.getName(), who.getAuthorities().stream()
                .anyMatch(a -> "integration:write".equals(a.getAuthority())));
    }

    /** The body as sent, stored through the one intake on the topic's channel; 202 once it is durable. */
    @PostMapping("/topics/{code}/messages")
    @CanOperateIntegration
    ResponseEntity<Published> publish(@PathVariable String code, @RequestBody(required = false) byte[] body) {
        RegisteredService topic = registry.publishable(code);
        DeployedChannel channel = channels.deployed(topic.channel())
                .orElseThrow(() -> ProblemException.notFound("integration-channel", topic.channel()));
        if (!channel.state().enabled()) {
            throw ProblemException.conflict("integration-service-channel-disabled", channel.code());
        }
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("integration-publish-empty", code);
        }
        Taken taken;
        try {
            taken = intake.take(channel.document(), Received.of(body)).get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "integration-publish-unstored", code);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "integration-publish-unstored", code);
        }
        if (taken.kind() == Taken.Kind.UNSTORED || taken.stored() == null) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "integration-publish-unstored", code);
        }
        if (taken.kind() == Taken.Kind.REFUSED) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "integration-publish-refused", code,
                    String.valueOf(taken.reason()));
        }
        return ResponseEntity.accepted().body(new Published(taken.stored().id(), taken.stored().receivedDay(),
                taken.stored().status().name(), channel.code(), taken.receivedAt()));
    }

    record Published(long id, LocalDate receivedDay, String status, String channel, Instant receivedAt) {
    }

    @GetMapping("/service-list")
    @CanReadIntegration
    List<ServiceList.Entry> serviceList(@RequestParam(required = false) String system) {
        return serviceList.entries(blank(system) ? null : system);
    }

    @GetMapping("/service-list/export")
    @CanReadIntegration
    void exportServiceList(@RequestParam(required = false) String system,
                           @RequestParam(defaultValue = "xlsx") String format, Locale locale, HttpServletRequest http,
                           HttpServletResponse response) throws java.io.IOException {
        write(export, serviceList, settings, system, format, locale, http, response);
    }

    static void write(ListExport export, ServiceList serviceList, Settings settings, String system, String format,
                      Locale locale, HttpServletRequest http, HttpServletResponse response) throws java.io.IOException {
        List<ServiceList.Entry> rows = serviceList.entries(blank(system) ? null : system);
        export.write(ListExport.Format.of(format), new ListExport.Table<>("service-list", ServiceList.COLUMNS, rows,
                        ListPage.of(List.of(), 0, ListRequest.of(null, null, null, RegistryStore.SORT), http).filter()),
                settings.current().zone(), locale, response);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String problem) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(problem, text);
        }
    }
}
