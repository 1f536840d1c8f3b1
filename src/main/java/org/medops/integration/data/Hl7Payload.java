package org.medops.integration.data;

import java.util.Map;
import java.util.Optional;

import org.medops.integration.hl7.Hl7Message;
import tools.jackson.databind.json.JsonMapper;

/** An HL7 v2 message with the documented JSON form. */
record Hl7Payload(Hl7Message message) implements Payload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public DataType type() {
        return DataType.HL7V2;
    }

    @Override
    public String text() {
        return message.text();
    }

    @Override
    public Object json() {
        return JSON.convertValue(message.json(), Map.class);
    }

    @Override
    public Optional<String> value(String path) {
        return message.value(path);
    }

    @Override
    public String controlId() {
        return message.controlId();
    }

    @Override
    public String messageType() {
        return message.messageType();
    }

    @Override
    public Optional<Hl7Message> hl7() {
        return Optional.of(message);
    }
}
