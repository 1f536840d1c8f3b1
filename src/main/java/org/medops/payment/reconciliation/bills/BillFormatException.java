package org.medops.payment.reconciliation.bills;

import java.util.List;

/**
 * A bill that cannot be read as its format says: {@code code} is stable (translated as {@code problem.<code>}),
 * {@code line} the 1-based line it was found on (0 when the file as a whole is wrong).
 */
public class BillFormatException extends RuntimeException {

    private final String code;
    private final long line;
    private final List<String> arguments;

    public BillFormatException(String code, long line, String... arguments) {
        super(code + " at line " + line + " " + List.of(arguments));
        this.code = code;
        this.line = line;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public long line() {
        return line;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** Refuses the bill when its summary states another figure than its rows add up to (line {@code number}). */
    static void requireSummary(long stated, long counted, String field, long number, boolean money) {
        if (stated != counted) {
            throw new BillFormatException("recon-bill-summary", number, field,
                    money ? Yuan.of(stated) : String.valueOf(stated), money ? Yuan.of(counted) : String.valueOf(counted));
        }
    }
}
