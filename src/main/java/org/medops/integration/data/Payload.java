package org.medops.integration.data;

import java.util.Optional;

import org.medops.integration.hl7.Hl7Message;

/** One parsed message of any data type. */
public interface Payload {

    DataType type();

    /** The text as received (decoded). */
    String text();

    /** The JSON form as maps, lists and scalars: what filters and JSONata expressions are evaluated over. */
    Object json();

    /** The value at a path (an HL7 path for HL7 v2, a dotted JSON path otherwise); objects and lists as JSON text. */
    Optional<String> value(String path);

    /** What identifies the message to its sender (MSH-10, a FHIR resource id), or "" when the format has none. */
    String controlId();

    /** ADT^A01, a FHIR resource type, an XML root element; "" when there is none. */
    String messageType();

    /** The HL7 message, for an HL7 v2 payload (its ACK is built from it). */
    default Optional<Hl7Message> hl7() {
        return Optional.empty();
    }
}
