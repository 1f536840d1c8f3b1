package org.medops.integration.delivery;

import java.util.List;

import org.medops.integration.permissions.CanOperateIntegration;
import org.medops.integration.permissions.CanReadIntegration;
import org.medops.integration.store.MessageStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Destinations' queue depth and breaker state; reprocessing a stored message. */
@RestController
class DeliveryApi {

    private final Destinations destinations;
    private final Reprocessing reprocessing;

    DeliveryApi(Destinations destinations, Reprocessing reprocessing) {
        this.destinations = destinations;
        this.reprocessing = reprocessing;
    }

    @GetMapping("/api/v1/integration/channels/{code}/destinations")
    @CanReadIntegration
    List<Destinations.DestinationState> destinations(@PathVariable String code) {
        return destinations.of(code);
    }

    @PostMapping("/api/v1/integration/messages/{id}/reprocess")
    @CanOperateIntegration
    Reprocessed reprocess(@PathVariable long id) {
        return new Reprocessed(id, reprocessing.reprocess(id));
    }

    record Reprocessed(long id, MessageStatus status) {
    }
}
