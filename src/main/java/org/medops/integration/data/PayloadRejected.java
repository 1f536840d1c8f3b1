package org.medops.integration.data;

/** The input is not valid data of its type; the message says why (without quoting content: reasons are logged). */
public class PayloadRejected extends Exception {

    public PayloadRejected(String reason) {
        super(reason);
    }
}
