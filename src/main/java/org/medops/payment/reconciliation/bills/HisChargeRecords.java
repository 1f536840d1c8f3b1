package org.medops.payment.reconciliation.bills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The HIS's charge records as CSV: header {@code his_serial,out_trade_no,out_refund_no,kind,amount,paid_at};
 * {@code kind} PAY or REFUND, {@code amount} in yuan with two decimals, {@code paid_at} ISO-8601 with an offset. A refund
 * may leave {@code out_refund_no} empty when the HIS does not know the channel's refund number: it is then matched with
 * the other refunds of its order by their sum.
 */
public final class HisChargeRecords {

    static final List<String> HEADER = List.of("his_serial", "out_trade_no", "out_refund_no", "kind", "amount",
            "paid_at");

    public BillTotals read(InputStream in, Consumer<BillLine> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new BillFormatException("recon-his-empty", 0);
            }
            if (!WechatTradeBill.values(WechatTradeBill.stripBom(header)).equals(HEADER)) {
                throw new BillFormatException("recon-his-header", 1, String.join(",", HEADER));
            }
            BillTotals totals = BillTotals.NONE;
            long number = 1;
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                BillLine line = line(text, number);
                totals = totals.plus(line);
                sink.accept(line);
            }
            return totals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BillLine line(String text, long number) {
        String[] values = text.split(",", -1);
        if (values.length != HEADER.size()) {
            throw new BillFormatException("recon-bill-columns", number, String.valueOf(HEADER.size()),
                    String.valueOf(values.length));
        }
        String serial = values[0].strip();
        String outTradeNo = values[1].strip();
        if (serial.isEmpty()) {
            throw new BillFormatException("recon-bill-missing", number, "his_serial");
        }
        if (outTradeNo.isEmpty()) {
            throw new BillFormatException("recon-bill-missing", number, "out_trade_no");
        }
        BillLine.Kind kind = switch (values[3].strip()) {
            case "PAY" -> BillLine.Kind.PAY;
            case "REFUND" -> BillLine.Kind.REFUND;
            default -> throw new BillFormatException("recon-his-kind", number, values[3].strip());
        };
        String amount = values[4].strip();
        if (!amount.matches("\\d+\\.\\d{2}")) {
            throw new BillFormatException("recon-bill-amount", number, "amount", amount);
        }
        try {
            return new BillLine(kind, outTradeNo, kind == BillLine.Kind.REFUND ? values[2] : null, serial,
                    Yuan.toFen(amount, number, "amount"), 0, BillLine.State.SUCCESS,
                    OffsetDateTime.parse(values[5].strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new BillFormatException("recon-bill-time", number, values[5].strip());
        }
    }
}
