package org.medops.integration.delivery;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.data.ContentMask;
import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import org.medops.integration.hl7.PatientMask;
import org.medops.integration.store.Outgoing;
import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a text rendered from the destination's template to a notify target (WeCom, DingTalk, e-mail, webhook),
 * which then retries and records it on its own. A placeholder names what it shows: {@code ${PID-5.1}} an HL7
 * field (shown as it is: the template asked for it), {@code ${patient.id}} a field of the transformed JSON,
 * {@code ${channel}}, {@code ${messageId}}, {@code ${controlId}}, and {@code ${body}} the whole content with the
 * patient identifiers masked ({@link PatientMask}; content that is not HL7 shows only its length).
 */
final class NotifySender implements Sender {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]{1,100})}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Notifications notifications;

    NotifySender(Notifications notifications) {
        this.notifications = notifications;
    }

    @Component
    static final class Kind implements Sender.Kind {

        private final Notifications notifications;

        Kind(Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public String type() {
            return "NOTIFY";
        }

        @Override
        public Sender open() {
            return new NotifySender(notifications);
        }
    }

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message) {
        Optional<Notifications.TargetSummary> target = find(notifications, destination.target());
        if (target.isEmpty()) {
            return Result.rejected(null, "notify target " + destination.target() + " does not exist");
        }
        if (!target.get().enabled()) {
            return Result.rejected(null, "notify target " + destination.target() + " is disabled");
        }
        String text = render(destination.template(), message);
        notifications.send(List.of(target.get().id()), new Message("集成平台 " + message.channel() + " · "
                + destination.name(), text, "info", "integration-message:" + message.id()));
        return Result.delivered("handed to notify target " + target.get().id() + ": " + text);
    }

    /** A notify target by its name or its id. */
    static Optional<Notifications.TargetSummary> find(Notifications notifications, String nameOrId) {
        if (nameOrId == null) {
            return Optional.empty();
        }
        return notifications.targets().stream()
                .filter(t -> t.name().equals(nameOrId) || String.valueOf(t.id()).equals(nameOrId)).findFirst();
    }

    static String render(String template, Outgoing message) {
        Hl7Message hl7 = parse(message.raw());
        JsonNode json = transformed(message.transformed());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1).strip(), message, hl7, json)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String name, Outgoing message, Hl7Message hl7, JsonNode json) {
        switch (name) {
            case "channel":
                return message.channel();
            case "messageId":
                return String.valueOf(message.id());
            case "controlId":
                return message.controlId() == null ? "" : message.controlId();
            case "body":
                return hl7 != null ? PatientMask.of(hl7).apply(message.body())
                        : ContentMask.of(message.body()).map(mask -> mask.apply(message.body()))
                                .orElse("(" + message.body().length() + " characters)");
            default:
                break;
        }
        if (hl7 != null && Hl7Message.isPath(name)) {
            return hl7.value(name).orElse("");
        }
        if (json != null) {
            JsonNode node = json;
            for (String part : name.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node != null && !node.isNull() && !node.isContainer()) {
                return node.asString();
            }
        }
        return "";
    }

    private static Hl7Message parse(String raw) {
        try {
            return raw == null ? null : Hl7Message.parse(raw);
        } catch (Hl7Rejected e) {
            return null;
        }
    }

    private static JsonNode transformed(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
