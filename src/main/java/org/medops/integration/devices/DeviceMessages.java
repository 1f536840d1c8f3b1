package org.medops.integration.devices;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medops.dataaccess.ContentGrants;
import org.medops.dataaccess.DataRights;
import org.medops.dataaccess.Scope;
import org.medops.integration.channels.ChannelDirectory;
import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.data.DataType;
import org.medops.integration.data.Payload;
import org.medops.integration.data.PayloadRejected;
import org.medops.integration.data.Payloads;
import org.medops.integration.hl7.Hl7Charset;
import org.medops.integration.hl7.PatientMask;
import org.medops.integration.store.DeliveryRow;
import org.medops.integration.store.MessageBrowser;
import org.medops.integration.store.MessageDetail;
import org.medops.shared.ProblemException;
import org.medops.integration.store.MessageId;
import org.medops.shared.FieldChange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device interface's messages: searched by a key's value and time, and one message as the device sent it beside
 * what each destination was sent, field by field; identifiers masked without {@code integration:data}; a failed
 * message's ops-desk fault report drafted with the responsible party.
 */
@Service
public class DeviceMessages {

    static final int PAGE = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeviceInterfaces interfaces;
    private final DeviceMessageSearch search;
    private final DeviceKeyIndex index;
    private final ApplicationEventPublisher events;
    private final MessageBrowser browser;
    private final ChannelDirectory channels;
    private final MessageSource messages;
    private final Clock clock;
    private final ContentGrants grants;

    DeviceMessages(DeviceInterfaces interfaces, DeviceMessageSearch search, DeviceKeyIndex index,
                   ApplicationEventPublisher events, MessageBrowser browser, ChannelDirectory channels,
                   MessageSource messages, Clock clock, ObjectProvider<ContentGrants> grants) {
        this.grants = grants.getIfAvailable(() -> ContentGrants.NONE);
        this.interfaces = interfaces;
        this.search = search;
        this.index = index;
        this.events = events;
        this.browser = browser;
        this.channels = channels;
        this.messages = messages;
        this.clock = clock;
    }

    public record Row(long id, Instant receivedAt, String status, String controlId, Map<String, String> keys) {

        /** The message's partition day (UTC), which lets its page read one partition. */
        public java.time.LocalDate day() {
            return receivedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }
    }

    public record Page(List<Row> rows, Long next) {
    }

    /** Messages whose search keys hold {@code value} exactly (all, without a value), newest first; 7 days by default. */
    public Page search(String channel, String value, Instant from, Instant to, Long before, Authentication who) {
        DeviceInterface device = interfaces.get(channel);
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : from;
        if (!start.isBefore(end) || Duration.between(start, end).toDays() > 366) {
            throw ProblemException.invalid("integration-device-range");
        }
        String wanted = value == null || value.isBlank() ? null : value.strip();
        Source source = source(channel);
        long indexed = wanted == null ? 0 : index.mark(channel);
        List<Row> rows = new ArrayList<>();
        Long cursor = before;
        boolean more = true;
        // Candidates hold the value somewhere in their text; a few rounds keep those where a key holds it.
        for (int round = 0; round < 5 && rows.size() <= PAGE && more; round++) {
            List<DeviceMessageSearch.Candidate> found = search.candidates(channel, wanted, indexed, start, end, cursor, PAGE * 4);
            more = found.size() == PAGE * 4;
            for (DeviceMessageSearch.Candidate c : found) {
                cursor = c.id();
                Parsed parsed = parse(source, c.raw());
                Map<String, String> keys = keys(device, parsed);
                // Content the data type does not parse (a broken export) has no keys: its text holding the value counts.
                if (wanted == null || keys.containsValue(wanted) || parsed.payload() == null) {
                    Masker mask = data(who) ? Masker.none() : masker(device, parsed);
                    Map<String, String> shown = new LinkedHashMap<>();
                    keys.forEach((k, v) -> shown.put(k, mask.apply(v)));
                    rows.add(new Row(c.id(), c.receivedAt(), c.status(), mask.apply(c.controlId()), shown));
                    if (rows.size() > PAGE) {
                        break;
                    }
                }
            }
        }
        boolean next = rows.size() > PAGE;
        List<Row> page = next ? rows.subList(0, PAGE) : rows;
        return new Page(List.copyOf(page), next ? page.get(page.size() - 1).id() : null);
    }

    /** What one destination was sent, beside the raw fields. */
    public record Processed(String destination, String status, String sent, String error, FieldDiff diff) {
    }

    public record View(long id, String channel, DeviceInterface device, String status, String controlId,
                       Instant receivedAt, String error, String dataType, String raw, RawBytes bytes,
                       Map<String, String> keys, List<Processed> destinations, boolean masked, FailureKind failure,
                       DeviceInterface.Responsibility responsible, boolean contentExpired) {

        /** The raw text with one segment or line per line (HL7 segments end in CR, which a page does not break on). */
        public String rawByLine() {
            return raw == null ? null : raw.replace("\r\n", "\n").replace('\r', '\n');
        }

        /** Whether any destination's content differs from what the device sent in some field. */
        public boolean changed() {
            return destinations.stream().anyMatch(d -> d.diff() != null && d.diff().count(FieldDiff.Kind.CHANGED) > 0);
        }
    }

    /** The search keys' values in a message (null where a key is absent); null when the content does not parse. */
    static Map<String, String> keysIfParsed(DeviceInterface device, Source source, String raw) {
        Parsed parsed = parse(source, raw);
        return parsed.payload() == null ? null : keys(device, parsed);
    }

    private static Map<String, String> keys(DeviceInterface device, Parsed parsed) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (DeviceInterface.SearchKey key : device.searchKeys()) {
            keys.put(key.name(), parsed.payload() == null ? null : parsed.payload().value(key.path()).orElse(null));
        }
        return keys;
    }

    /** One message, read once: what the page shows, and the stored message its ticket draft is made from. */
    public record Read(View view, MessageDetail message) {
    }

    public View view(String channel, long id, Authentication who) {
        return read(channel, id, null, who).view();
    }

    /**
     * Reads a message of the channel once ({@code day}, its UTC day as the search rows give it, makes it a read of
     * one partition). The content is the data right's: {@code integration:data} sees it unmasked (the reading
     * audited), {@code data:content:read} masked, a grant of the security committee for the channel unmasked (the
     * view audited with the grant); anyone else is refused before the message is looked up.
     */
    public Read read(String channel, long id, java.time.LocalDate day, Authentication who) {
        Scope scope = Scope.channel(channel);
        boolean granted = !data(who) && grants.unmasked(who, scope);
        if (!data(who) && !DataRights.standing(who) && !granted) {
            throw new AccessDeniedException("data right or grant needed");
        }
        DeviceInterface device = interfaces.get(channel);
        MessageDetail message = find(id, day).filter(m -> m.channel().equals(channel))
                .orElseThrow(() -> ProblemException.notFound("integration-message", id));
        View view = render(device, channel, message, data(who) || granted);
        if (granted) {
            grants.viewed(who, scope, "integration-message", Long.toString(id));
        } else if (!view.masked() && !message.contentExpired()) {
            events.publishEvent(new DeviceAction("integration.device.message.read", channel,
                    List.of(FieldChange.set("message", id))));
        }
        return new Read(view, message);
    }

    private java.util.Optional<MessageDetail> find(long id, java.time.LocalDate day) {
        if (day != null) {
            try {
                return java.util.Optional.of(browser.find(new MessageId(id, day)));
            } catch (org.springframework.dao.IncorrectResultSizeDataAccessException e) {
                // a day that is not the message's: look it up by id alone
            }
        }
        return browser.find(id);
    }

    private View render(DeviceInterface device, String channel, MessageDetail message, boolean unmasked) {
        long id = message.id();
        Source source = source(channel);
        Parsed parsed = parse(source, message.raw());
        boolean masked = !unmasked && !message.contentExpired();
        Masker mask = masked ? masker(device, parsed) : Masker.none();
        Map<String, String> rawFields = maskedFields(parsed.fields(), mask);
        List<Processed> processed = new ArrayList<>();
        for (DeliveryRow d : message.destinations()) {
            String sent = d.sent();
            FieldDiff diff = sent == null ? null : FieldDiff.of(rawFields, maskedFields(fieldsOf(sent), mask));
            processed.add(new Processed(d.name(), d.status(), mask.apply(sent), mask.apply(d.error()), diff));
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (DeviceInterface.SearchKey key : device.searchKeys()) {
            keys.put(key.name(), parsed.payload() == null ? null
                    : mask.apply(parsed.payload().value(key.path()).orElse(null)));
        }
        FailureKind failure = FailureKind.of(message);
        // Content its data type does not parse tells nothing of where identifiers are: only its size is shown.
        boolean hidden = masked && parsed.payload() == null && message.raw() != null;
        String raw = hidden ? "… (" + message.raw().length() + ")" : mask.apply(message.raw());
        if (hidden) {
            processed.replaceAll(p -> new Processed(p.destination(), p.status(), p.sent() == null ? null : "…", p.error(),
                    null));
        }
        return new View(id, channel, device, message.status().name(), mask.apply(message.controlId()),
                message.receivedAt(), mask.apply(FailureKind.error(message)), source.type().name(), raw,
                bytes(message, source, raw, masked), keys, List.copyOf(processed), masked, failure,
                failure == null ? null : device.responsibleFor(failure).orElse(null), message.contentExpired());
    }

    /**
     * The bytes as the device sent them where the channel kept them (HL7 in the charset its MSH-18 declares); the
     * text encoded again for a masked reader (the received bytes hold identifiers) or an older message.
     */
    private RawBytes bytes(MessageDetail message, Source source, String shown, boolean masked) {
        byte[] received = message.contentExpired() ? null : browser.receivedBytes(
                new MessageId(message.id(), message.receivedAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate()))
                .orElse(null);
        Charset charset = received != null && source.type() == DataType.HL7V2
                ? Hl7Charset.declaredOr(received, source.charset()) : source.charset();
        if (masked) {
            return RawBytes.ofText(shown, received, message.raw(), charset, RawBytes.Origin.MASKED);
        }
        if (received == null) {
            return RawBytes.ofText(message.raw(), null, null, charset, RawBytes.Origin.ENCODED_TEXT);
        }
        return RawBytes.of(received, received, message.raw(), charset, RawBytes.Origin.RECEIVED);
    }

    /**
     * The ops desk's fault report for a failed message ({@code report}: the body its {@code POST
     * /api/v1/opsdesk/tickets} takes), with the system, the message and the responsible party filled in; the error
     * is masked whoever asks, as a ticket is read by more people than the message.
     */
    public record TicketDraft(Map<String, Object> report, long messageId, String controlId, FailureKind failure,
                              ResponsibleParty responsible, String error) {
    }

    public TicketDraft ticket(String channel, long id, Authentication who, ZoneId zone, Locale locale) {
        return ticket(read(channel, id, null, who), zone, locale, who);
    }

    /** The draft of a message read already (the page has read it for its view). */
    public TicketDraft ticket(Read read, ZoneId zone, Locale locale, Authentication who) {
        View view = read.view();
        MessageDetail message = read.message();
        long id = view.id();
        String channel = view.channel();
        if (view.failure() == null) {
            throw ProblemException.conflict("integration-device-not-failed", id);
        }
        Masker mask = masker(view.device(), parse(source(channel), message.raw()));
        String error = mask.apply(FailureKind.error(message));
        DeviceInterface d = view.device();
        ResponsibleParty party = view.responsible() == null ? null : view.responsible().party();
        String partyText = party == null ? text("devices.party.unknown", locale)
                : text("devices.party." + party, locale);
        String device = d.deviceName() + (d.model() == null ? "" : " " + d.model());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", cut(text("devices.ticket.title", locale, device, channel, String.valueOf(id)), 200));
        report.put("phenomenon", cut(text("devices.ticket.phenomenon", locale, channel, String.valueOf(id),
                String.valueOf(mask.apply(message.controlId())), error == null ? "" : error,
                text("devices.failure." + view.failure(), locale), partyText,
                view.responsible() == null || view.responsible().note() == null ? "" : view.responsible().note()), 4000));
        report.put("occurredAt", message.receivedAt().atZone(zone).toOffsetDateTime().toString());
        report.put("impactScope", cut(text("devices.ticket.impact", locale, device, d.system()), 500));
        report.put("systems", List.of(d.system()));
        report.put("category", "INTERFACE");
        report.put("steps", text("devices.ticket.steps", locale, channel, String.valueOf(id)));
        report.put("reporter", who.getName());
        report.put("contact", who.getName());
        report.put("source", "WEB");
        report.put("priority", "MEDIUM");
        return new TicketDraft(report, id, mask.apply(message.controlId()), view.failure(), party, error);
    }

    record Source(DataType type, Charset charset) {
    }

    record Parsed(Payload payload, Map<String, String> fields) {
    }

    Source source(String channel) {
        ChannelDocument.Source s = channels.find(channel).map(c -> ChannelDirectory.parse(c.document()).source())
                .orElse(null);
        if (s == null) {
            return new Source(DataType.HL7V2, Charset.forName("UTF-8"));
        }
        Charset charset;
        try {
            charset = Charset.forName(s.charset() == null || s.charset().isBlank() ? "UTF-8" : s.charset());
        } catch (RuntimeException e) {
            charset = Charset.forName("UTF-8");
        }
        return new Source(s.data(), charset);
    }

    private static Parsed parse(Source source, String raw) {
        if (raw == null) {
            return new Parsed(null, Map.of());
        }
        try {
            Payload payload = Payloads.parse(source.type(), raw);
            JsonNode tree = JSON.valueToTree(payload.json());
            return new Parsed(payload, source.type() == DataType.HL7V2 ? FieldDiff.flattenHl7(tree) : FieldDiff.flatten(tree));
        } catch (PayloadRejected | RuntimeException e) {
            return new Parsed(null, Map.of());
        }
    }

    /** What a destination was sent, by its look: JSON, XML, HL7 v2, else one text field. */
    static Map<String, String> fieldsOf(String sent) {
        String text = sent.strip();
        DataType type = text.startsWith("{") || text.startsWith("[") ? DataType.JSON
                : text.startsWith("<") ? DataType.XML : text.startsWith("MSH") ? DataType.HL7V2 : null;
        if (type != null) {
            Parsed parsed = parse(new Source(type, Charset.forName("UTF-8")), sent);
            if (parsed.payload() != null) {
                return parsed.fields();
            }
        }
        return Map.of("text", sent);
    }

    private static Map<String, String> maskedFields(Map<String, String> fields, Masker mask) {
        Map<String, String> masked = new LinkedHashMap<>();
        fields.forEach((k, v) -> masked.put(k, mask.apply(v)));
        return masked;
    }

    private static Masker masker(DeviceInterface device, Parsed parsed) {
        PatientMask hl7 = parsed.payload() == null ? PatientMask.none()
                : parsed.payload().hl7().map(PatientMask::of).orElse(PatientMask.none());
        return Masker.of(device.patientPaths(), parsed.fields(), hl7);
    }

    static boolean data(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> "integration:data".equals(a.getAuthority()));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
