package org.medops.publication.push;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.publication.permissions.CanReadPublication;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.medops.shared.SortColumns;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log: each publication queued for each channel, with its attempts. */
@RestController
class PushDeliveryApi {

    static final SortColumns SORT = SortColumns.of("id", false, "id", "id", "id");

    private final Deliveries deliveries;

    PushDeliveryApi(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    record DeliveryView(long id, long subscription, long version, String status, int attempts, Instant nextAttemptAt,
                        String lastError, Instant createdAt, Instant deliveredAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.subscriptionId(), d.version(), d.status().name(), d.attempts(),
                    d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.lastError(), d.createdAt(),
                    d.deliveredAt());
        }
    }

    @CanReadPublication
    @GetMapping("/api/v1/publication/deliveries")
    ListPage<DeliveryView> list(@RequestParam(required = false) Long subscription,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size, HttpServletRequest http) {
        ListRequest request = ListRequest.of(page, size, null, SORT);
        Delivery.Status wanted = status(status);
        return ListPage.of(deliveries.list(subscription, wanted, request.offset(), request.size()).stream()
                .map(DeliveryView::of).toList(), deliveries.count(subscription, wanted), request, http);
    }

    @CanReadPublication
    @GetMapping("/api/v1/publication/deliveries/{id}/attempts")
    List<Delivery.Attempt> attempts(@PathVariable long id) {
        if (!deliveries.exists(id)) {
            throw ProblemException.notFound("publication-delivery", id);
        }
        return deliveries.attempts(id);
    }

    static Delivery.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Delivery.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("publication-delivery-status-invalid", status);
        }
    }
}
