package org.medops.integration.devices;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.medops.integration.permissions.CanEditIntegrationChannels;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.integration.store.CanReadMessageContent;
import org.medops.settings.Settings;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Device interfaces over REST: the marking, the message search, one message raw beside processed, the ticket draft. */
@RestController
@RequestMapping("/api/v1/integration/devices")
class DevicesApi {

    private final DeviceInterfaces interfaces;
    private final DeviceMessages messages;
    private final Settings settings;

    DevicesApi(DeviceInterfaces interfaces, DeviceMessages messages, Settings settings) {
        this.interfaces = interfaces;
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping
    @CanReadIntegration
    List<DeviceInterface> list() {
        return interfaces.all();
    }

    @GetMapping("/{channel}")
    @CanReadIntegration
    DeviceInterface one(@PathVariable String channel) {
        return interfaces.get(channel);
    }

    @PutMapping("/{channel}")
    @CanEditIntegrationChannels
    ResponseEntity<DeviceInterface> save(@PathVariable String channel, @RequestBody DeviceInterface.Marking marking,
                                         Authentication who) {
        boolean created = interfaces.save(channel, marking, who.getName());
        return ResponseEntity.status(created ? 201 : 200).body(interfaces.get(channel));
    }

    @DeleteMapping("/{channel}")
    @CanEditIntegrationChannels
    ResponseEntity<Void> delete(@PathVariable String channel, Authentication who) {
        interfaces.delete(channel, who.getName());
        return ResponseEntity.noContent().build();
    }

    /** {@code q}: a search key's value (sample number, barcode); {@code from}/{@code to}: ISO instants. */
    @GetMapping("/{channel}/messages")
    @CanReadIntegration
    DeviceMessages.Page search(@PathVariable String channel, @RequestParam(required = false) String q,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) Long before, Authentication who) {
        return messages.search(channel, q, instant(from), instant(to), before, who);
    }

    @GetMapping("/{channel}/messages/{id}")
    @CanReadMessageContent
    DeviceMessages.View message(@PathVariable String channel, @PathVariable long id, Authentication who) {
        return messages.view(channel, id, who);
    }

    @GetMapping("/{channel}/messages/{id}/ticket")
    @CanReadMessageContent
    DeviceMessages.TicketDraft ticket(@PathVariable String channel, @PathVariable long id, Authentication who,
                                      Locale locale) {
        return messages.ticket(channel, id, who, settings.current().zone(), locale);
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("integration-device-time", value);
        }
    }
}
