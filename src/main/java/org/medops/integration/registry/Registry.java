package org.medops.integration.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.medops.integration.channels.ChannelBook;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.DocumentFormat;
import org.medops.integration.channels.StoredChannel;
import org.medops.opsdesk.OpsdeskSystems;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registering services and topics, and the subscriptions to a topic: approval adds the subscriber's destination to
 * the topic's publishing channel, suspension and cancellation take it off, resumption puts it back, each a new
 * channel version saved through {@link ChannelBook} in the same transaction.
 */
@Service
class Registry {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    /** The delivery of a subscription to a request/response service: none, it may call the service. */
    static final String CALLS = "{\"type\":\"CALL\"}";
    private static final Set<String> DELIVERY_TYPES = Set.of("HTTP", "MLLP", "FHIR", "DATABASE", "FILE");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = tools.jackson.dataformat.yaml.YAMLMapper.builder().build();

    /** Who acts: an administrator holds {@code integration:write} (changes channels); else only the owner decides. */
    record Actor(String name, boolean administrator) {
    }

    /**
     * A service's fields as a caller sends them, through the API or the console's form (one rule, two doors):
     * {@code channel} and {@code dataType} only when it is created; {@code endpoint} (http/https URL) and
     * {@code timeoutMs} only for a SERVICE; {@code status} on a change only (ACTIVE or RETIRED). A field left out
     * (null) of a change keeps its value; a blank one clears it.
     */
    record ServiceForm(String code, String name, String system, String kind, String messageType, String messageVersion,
                       String schema, String owner, String channel, String dataType, String endpoint, Integer timeoutMs,
                       String status) {

        static ServiceForm of(String code, String name, String system, String kind, String messageType,
                              String messageVersion, String schema, String owner) {
            return new ServiceForm(code, name, system, kind, messageType, messageVersion, schema, owner, null, null, null,
                    null, null);
        }
    }

    record SubscriptionForm(String service, String system, JsonNode delivery, String filter) {
    }

    private final RegistryStore store;
    private final OpsdeskSystems systems;
    private final ChannelDirectory channels;
    private final ChannelBook book;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path topicFiles;

    Registry(RegistryStore store, OpsdeskSystems systems, ChannelDirectory channels, ChannelBook book,
             ApplicationEventPublisher events, Clock clock, @Value("${medops.db.data-dir:./data}") String dataDir) {
        this.store = store;
        this.systems = systems;
        this.channels = channels;
        this.book = book;
        this.events = events;
        this.clock = clock;
        this.topicFiles = Path.of(dataDir, "topics").toAbsolutePath().normalize();
    }

    RegisteredService get(String code) {
        return store.find(code).orElseThrow(() -> ProblemException.notFound("integration-service", code));
    }

    Subscription subscription(long id) {
        return store.subscription(id).orElseThrow(() -> ProblemException.notFound("integration-subscription", id));
    }

    List<Subscription> subscriptionsOf(String service) {
        return store.subscriptionsOf(service);
    }

    @Transactional
    RegisteredService register(ServiceForm form, String actor) {
        String code = trimmed(form.code());
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid("integration-service-code", String.valueOf(form.code()));
        }
        ServiceKind kind = kind(form.kind());
        if (store.find(code).isPresent()) {
            throw ProblemException.conflict("integration-service-exists", code);
        }
        String name = required(form.name(), "integration-service-name");
        if (trimmed(form.system()) == null) {
            throw ProblemException.invalid("integration-service-system");
        }
        systems.requireActive(form.system());
        String channel = trimmed(form.channel());
        Instant now = clock.instant();
        if (kind == ServiceKind.TOPIC) {
            if (channel == null) {
                channel = "topic-" + code;
                if (code.length() > 58 || channels.find(channel).isPresent()) {
                    throw ProblemException.conflict("integration-service-channel-taken", channel);
                }
                book.save(channel, topicChannel(channel, name, form.dataType(), form.messageType(), code), actor);
            } else {
                channels.get(channel);
            }
        } else if (channel != null) {
            channels.get(channel);
        }
        String endpoint = endpoint(kind, form.endpoint());
        RegisteredService service = new RegisteredService(code, name, form.system(), kind,
                limited(form.messageType(), 64, "integration-service-message-type"),
                limited(form.messageVersion(), 32, "integration-service-message-version"), text(form.schema()),
                owner(form.owner()), ServiceStatus.ACTIVE, channel, endpoint, timeout(kind, form.timeoutMs()), now, actor,
                now, actor);
        store.insert(service);
        events.publishEvent(RegistryAction.service("integration.service.register", code, List.of(
                FieldChange.set("name", name), FieldChange.set("system", form.system()),
                FieldChange.set("kind", kind.name()), FieldChange.set("channel", channel),
                FieldChange.set("endpoint", endpoint))));
        return service;
    }

    @Transactional
    RegisteredService update(String code, ServiceForm form, String actor) {
        RegisteredService before = store.lock(code).orElseThrow(() -> ProblemException.notFound("integration-service", code));
        if (form.kind() != null && kind(form.kind()) != before.kind()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "integration-service-kind-fixed", code);
        }
        String system = form.system() == null ? before.systemCode() : form.system();
        systems.requireActive(system);
        String channel = form.channel() == null ? before.channel() : trimmed(form.channel());
        if (channel != null && !channel.equals(before.channel())) {
            channels.get(channel);
        }
        if (before.kind() == ServiceKind.TOPIC && channel == null) {
            throw ProblemException.invalid("integration-service-channel", code);
        }
        ServiceStatus status = form.status() == null || form.status().isBlank() ? before.status()
                : value(ServiceStatus.class, form.status(), "integration-service-status");
        RegisteredService after = new RegisteredService(code,
                form.name() == null ? before.name() : required(form.name(), "integration-service-name"), system,
                before.kind(), form.messageType() == null ? before.messageType()
                : limited(form.messageType(), 64, "integration-service-message-type"),
                form.messageVersion() == null ? before.messageVersion()
                        : limited(form.messageVersion(), 32, "integration-service-message-version"),
                form.schema() == null ? before.schemaText() : text(form.schema()),
                form.owner() == null ? before.owner() : owner(form.owner()), status, channel,
                form.endpoint() == null ? before.endpoint() : endpoint(before.kind(), form.endpoint()),
                form.timeoutMs() == null ? before.timeoutMs() : timeout(before.kind(), form.timeoutMs()),
                before.createdAt(), before.createdBy(), clock.instant(), actor);
        store.update(after);
        events.publishEvent(RegistryAction.service("integration.service.update", code, changes(before, after)));
        return after;
    }

    @Transactional
    RegisteredService retire(String code, String actor) {
        RegisteredService before = store.lock(code).orElseThrow(() -> ProblemException.notFound("integration-service", code));
        if (before.retired()) {
            throw ProblemException.conflict("integration-service-retired", code);
        }
        RegisteredService after = new RegisteredService(code, before.name(), before.systemCode(), before.kind(),
                before.messageType(), before.messageVersion(), before.schemaText(), before.owner(),
                ServiceStatus.RETIRED, before.channel(), before.endpoint(), before.timeoutMs(), before.createdAt(),
                before.createdBy(), clock.instant(), actor);
        store.update(after);
        events.publishEvent(RegistryAction.service("integration.service.retire", code,
                List.of(FieldChange.of("status", before.status().name(), ServiceStatus.RETIRED.name()))));
        return after;
    }

    /** The topic's channel for publishing; unknown 404, retired or not a topic 409. */
    RegisteredService publishable(String code) {
        RegisteredService service = get(code);
        if (service.kind() != ServiceKind.TOPIC) {
            throw ProblemException.conflict("integration-service-not-topic", code);
        }
        if (service.retired()) {
            throw ProblemException.conflict("integration-service-retired", code);
        }
        return service;
    }

    @Transactional
    Subscription subscribe(SubscriptionForm form, String actor) {
        RegisteredService service = get(required(form.service(), "integration-subscription-service"));
        if (service.retired()) {
            throw ProblemException.conflict("integration-service-retired", service.code());
        }
        if (trimmed(form.system()) == null) {
            throw ProblemException.invalid("integration-service-system");
        }
        systems.requireActive(form.system());
        if (service.kind() == ServiceKind.SERVICE) {
            // A request/response service delivers nothing: an active subscription is the caller's right to call it.
            long id = store.insertSubscription(service.code(), form.system(), CALLS, null, clock.instant(), actor);
            events.publishEvent(RegistryAction.subscription("integration.subscription.request", id, List.of(
                    FieldChange.set("service", service.code()), FieldChange.set("system", form.system()),
                    FieldChange.set("delivery", "CALL"))));
            return subscription(id);
        }
        ObjectNode delivery = delivery(form.delivery());
        String filter = trimmed(form.filter());
        // Checked now as the channel will be with it, so that a bad address is refused before anyone approves it.
        StoredChannel channel = channels.get(service.channel());
        channels.checked(withDestination(channel.document(), destination(delivery, filter, "sub-check")));
        long id = store.insertSubscription(service.code(), form.system(), JSON.writeValueAsString(delivery), filter,
                clock.instant(), actor);
        events.publishEvent(RegistryAction.subscription("integration.subscription.request", id, List.of(
                FieldChange.set("service", service.code()), FieldChange.set("system", form.system()),
                FieldChange.set("delivery", delivery.path("type").asString()))));
        return subscription(id);
    }

    /** Approve, reject, suspend, resume or cancel: the channel changes with it when what the subscriber receives does. */
    @Transactional
    Subscription move(long id, String step, Actor actor) {
        Subscription before = store.lockSubscription(id)
                .orElseThrow(() -> ProblemException.notFound("integration-subscription", id));
        RegisteredService service = get(before.serviceCode());
        boolean requester = step.equals("cancel") && before.requestedBy().equals(actor.name());
        if (!actor.administrator() && !service.ownedBy(actor.name()) && !requester) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "integration-subscription-not-owner", service.code());
        }
        SubscriptionStatus after = before.status().after(step);
        if (after.receives() && service.retired()) {
            throw ProblemException.conflict("integration-service-retired", service.code());
        }
        if (after.receives() != before.status().receives() && service.kind() == ServiceKind.TOPIC) {
            StoredChannel channel = channels.get(service.channel());
            String document = after.receives()
                    ? withDestination(channel.document(), destination(parse(before.delivery()), before.filter(), before.destination()))
                    : withoutDestination(channel.document(), before.destination());
            book.save(channel.code(), document, actor.name());
        }
        Instant now = clock.instant();
        store.moveSubscription(id, after, step.equals("approve") || step.equals("reject"),
                after.receives() ? now : null, now, actor.name());
        events.publishEvent(RegistryAction.subscription("integration.subscription." + step, id, List.of(
                FieldChange.of("status", before.status().name(), after.name()),
                FieldChange.set("channel", service.channel()))));
        return subscription(id);
    }

    // --- channel documents -----------------------------------------------------------------------------------

    /** A publishing channel: a source that does not listen (messages come through the publish API) and a copy kept on disk. */
    private String topicChannel(String channel, String name, String dataType, String messageType, String code) {
        String data = dataType != null && !dataType.isBlank() ? dataType.trim().toUpperCase(Locale.ROOT)
                : messageType != null && messageType.contains("^") ? "HL7V2" : "JSON";
        ObjectNode document = JSON.createObjectNode();
        document.put("code", channel);
        document.put("name", "主题 " + name);
        document.put("description", "服务注册中主题 " + code + " 的发布通道：发布接口收到的消息经此通道分发给各订阅方。");
        ObjectNode source = document.putObject("source");
        source.put("type", "CHANNEL");
        source.put("dataType", data);
        ObjectNode archive = document.putArray("destinations").addObject();
        archive.put("name", "archive");
        archive.put("type", "FILE");
        archive.put("directory", topicFiles.resolve(code).toString());
        archive.put("file", "${messageId}.msg");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    private static ObjectNode delivery(JsonNode given) {
        if (given == null || !given.isObject()) {
            throw ProblemException.invalid("integration-subscription-delivery", "-");
        }
        ObjectNode delivery = ((ObjectNode) given).deepCopy();
        String type = delivery.path("type").asString("");
        if (!DELIVERY_TYPES.contains(type)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "integration-subscription-delivery-type", type);
        }
        delivery.remove("name");
        return delivery;
    }

    private static ObjectNode destination(ObjectNode delivery, String filter, String name) {
        ObjectNode destination = JSON.createObjectNode();
        destination.put("name", name);
        destination.setAll(delivery);
        if (filter != null) {
            destination.put("filter", filter);
        }
        return destination;
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static String withDestination(String text, ObjectNode destination) {
        return edit(text, destinations -> {
            for (int i = destinations.size() - 1; i >= 0; i--) {
                if (destination.path("name").asString().equals(destinations.get(i).path("name").asString())) {
                    destinations.remove(i);
                }
            }
            destinations.add(destination);
        });
    }

    private static String withoutDestination(String text, String name) {
        return edit(text, destinations -> {
            for (int i = destinations.size() - 1; i >= 0; i--) {
                if (name.equals(destinations.get(i).path("name").asString())) {
                    destinations.remove(i);
                }
            }
        });
    }

    /** The document in its own format (JSON or YAML) with its destinations changed; the rest as it was. */
    private static String edit(String text, java.util.function.Consumer<ArrayNode> change) {
        ObjectMapper mapper = DocumentFormat.of(text) == DocumentFormat.JSON ? JSON : YAML;
        try {
            ObjectNode document = (ObjectNode) mapper.readTree(text);
            JsonNode existing = document.get("destinations");
            ArrayNode destinations = existing instanceof ArrayNode a ? a : document.putArray("destinations");
            change.accept(destinations);
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "integration-channel-json", e.getOriginalMessage());
        }
    }

    // --- fields ----------------------------------------------------------------------------------------------

    private static ServiceKind kind(String kind) {
        try {
            return ServiceKind.valueOf(String.valueOf(kind).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("integration-service-kind", String.valueOf(kind));
        }
    }

    static final int SCHEMA_LIMIT = 200_000;

    /** A SERVICE's endpoint: an absolute http(s) URL with a host; a TOPIC has none (its channel delivers). */
    private static String endpoint(ServiceKind kind, String given) {
        String endpoint = trimmed(given);
        if (endpoint == null) {
            return null;
        }
        if (kind != ServiceKind.SERVICE) {
            throw ProblemException.invalid("integration-service-endpoint-topic");
        }
        try {
            java.net.URI uri = new java.net.URI(endpoint);
            if (endpoint.length() > 1000 || uri.getHost() == null || uri.getScheme() == null
                    || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw ProblemException.invalid("integration-service-endpoint", endpoint);
            }
        } catch (java.net.URISyntaxException e) {
            throw ProblemException.invalid("integration-service-endpoint", endpoint);
        }
        return endpoint;
    }

    private static Integer timeout(ServiceKind kind, Integer given) {
        if (given == null) {
            return null;
        }
        if (given < 100 || given > 120_000) {
            throw ProblemException.invalid("integration-service-timeout", given);
        }
        return kind == ServiceKind.SERVICE ? given : null;
    }

    private static String owner(String given) {
        return limited(given, 64, "integration-service-owner");
    }

    private static String text(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (given.length() > SCHEMA_LIMIT) {
            throw ProblemException.invalid("integration-service-schema", SCHEMA_LIMIT);
        }
        return given;
    }

    private static String limited(String given, int max, String problem) {
        String value = trimmed(given);
        if (value != null && value.length() > max) {
            throw ProblemException.invalid(problem, max);
        }
        return value;
    }

    static <E extends Enum<E>> E value(Class<E> type, String text, String problem) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(problem, text);
        }
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String required(String text, String problem) {
        String value = trimmed(text);
        if (value == null || value.length() > 200) {
            throw ProblemException.invalid(problem, String.valueOf(text));
        }
        return value;
    }

    private static List<FieldChange> changes(RegisteredService before, RegisteredService after) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of("name", before.name(), after.name()));
        changes.add(FieldChange.of("system", before.systemCode(), after.systemCode()));
        changes.add(FieldChange.of("messageType", before.messageType(), after.messageType()));
        changes.add(FieldChange.of("messageVersion", before.messageVersion(), after.messageVersion()));
        changes.add(FieldChange.of("owner", before.owner(), after.owner()));
        changes.add(FieldChange.of("channel", before.channel(), after.channel()));
        changes.add(FieldChange.of("endpoint", before.endpoint(), after.endpoint()));
        changes.add(FieldChange.of("timeoutMs", before.timeoutMs() == null ? null : before.timeoutMs().toString(),
                after.timeoutMs() == null ? null : after.timeoutMs().toString()));
        changes.add(FieldChange.of("status", before.status().name(), after.status().name()));
        if (!java.util.Objects.equals(before.schemaText(), after.schemaText())) {
            changes.add(FieldChange.of("schema", before.schemaText() == null ? null : before.schemaText().length() + " chars",
                    after.schemaText() == null ? null : after.schemaText().length() + " chars"));
        }
        return changes.stream().filter(FieldChange::changed).toList();
    }
}
