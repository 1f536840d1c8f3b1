package org.medops.integration.data;

import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses decoded text of a data type; what is not valid data of that type is refused with the reason. */
public final class Payloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {
    }

    /** An HL7 message already parsed. */
    public static Payload of(Hl7Message message) {
        return new Hl7Payload(message);
    }

    public static Payload parse(DataType type, String text) throws PayloadRejected {
        return switch (type) {
            case HL7V2 -> hl7(text);
            case JSON -> {
                JsonNode tree = json(text, "JSON");
                yield new TreePayload(type, text, tree, "", "");
            }
            case XML -> {
                JsonNode tree = XmlForm.parse(text);
                yield new TreePayload(type, text, tree, "", tree.propertyNames().iterator().next());
            }
            case DELIMITED -> new TreePayload(type, text, Delimited.parse(text), "", "");
            case FHIR -> {
                Fhir.Resource resource = Fhir.parse(text);
                yield new TreePayload(type, text, json(text, "FHIR JSON"), resource.id(), resource.type());
            }
        };
    }

    private static Payload hl7(String text) throws PayloadRejected {
        try {
            return new Hl7Payload(Hl7Message.parse(text));
        } catch (Hl7Rejected e) {
            throw new PayloadRejected(e.getMessage());
        }
    }

    private static JsonNode json(String text, String what) throws PayloadRejected {
        try {
            JsonNode tree = JSON.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new PayloadRejected("not " + what + ": the body is empty");
            }
            return tree;
        } catch (JacksonException e) {
            // Only where it broke: the message would quote the content.
            throw new PayloadRejected("not " + what + ": malformed at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
    }
}
