package org.medops.payment.reconciliation.bills;

import java.math.BigDecimal;

/** Amounts as bills print them (yuan with up to two decimals, perhaps signed) to fen, exactly or not at all. */
final class Yuan {

    private Yuan() {
    }

    static long toFen(String text, long line, String field) {
        String value = text == null ? "" : text.strip().replace(",", "");
        if (value.isEmpty()) {
            throw new BillFormatException("recon-bill-amount", line, field, "");
        }
        try {
            BigDecimal yuan = new BigDecimal(value);
            if (yuan.scale() > 2) {
                throw new BillFormatException("recon-bill-amount", line, field, value);
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BillFormatException("recon-bill-amount", line, field, value);
        }
    }

    /** Fen as yuan with two decimals, for messages and the report. */
    static String of(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
