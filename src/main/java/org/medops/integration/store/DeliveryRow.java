package org.medops.integration.store;

import java.time.Instant;

/**
 * What one destination of a message was sent and answered, and how often it was tried; {@code transformed} is
 * what its own transformer made (null: it is sent the message's content); status FILTERED: its filter said no.
 */
public record DeliveryRow(String name, String status, String sent, String response, int attempts, String error,
                          Instant updatedAt, String transformed) {

    DeliveryRow masked(java.util.function.UnaryOperator<String> mask) {
        return new DeliveryRow(name, status, mask.apply(sent), mask.apply(response), attempts, mask.apply(error), updatedAt,
                mask.apply(transformed));
    }
}
