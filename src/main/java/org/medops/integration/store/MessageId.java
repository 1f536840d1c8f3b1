package org.medops.integration.store;

import java.time.LocalDate;

/** A message's key: its id and the UTC day partition it lives in. */
public record MessageId(long id, LocalDate receivedDay) {
}
