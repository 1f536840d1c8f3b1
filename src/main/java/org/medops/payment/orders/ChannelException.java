package org.medops.payment.orders;

/** The channel refused or could not be reached; {@code code} is the channel's own (ORDERPAID, NOT_ENOUGH, …). */
class ChannelException extends RuntimeException {

    static final String UNREACHABLE = "CHANNEL_UNREACHABLE";
    private final String code;

    ChannelException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean unreachable() {
        return UNREACHABLE.equals(code);
    }
}
