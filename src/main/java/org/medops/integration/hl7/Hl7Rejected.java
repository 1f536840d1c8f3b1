package org.medops.integration.hl7;

/** Input that is not an HL7 v2 message this engine can take; the text becomes MSA-3 of the AR/AE answer. */
public final class Hl7Rejected extends Exception {

    public Hl7Rejected(String reason) {
        super(reason);
    }
}
