package org.medops.payment.reconciliation.bills;

import static org.medops.payment.reconciliation.bills.BillFormatException.requireSummary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * WeChat Pay's trade bill (交易账单, bill type ALL): a header row, one row per payment and one per refund, each value
 * prefixed with a back-quote so spreadsheets keep long numbers as text, then the summary header and the summary row.
 * Columns are found by their header names, so the optional columns of newer bills do not shift anything. The summary
 * (总交易单数, 应结订单总金额, 退款总金额, 手续费总金额) is checked against the rows: a bill cut short or edited does not
 * reconcile.
 */
public final class WechatTradeBill {

    static final String TIME = "交易时间";
    static final String TRANSACTION = "微信订单号";
    static final String OUT_TRADE_NO = "商户订单号";
    static final String STATE = "交易状态";
    static final String SETTLEMENT = "应结订单金额";
    static final String REFUND_ID = "微信退款单号";
    static final String OUT_REFUND_NO = "商户退款单号";
    static final String REFUND_AMOUNT = "退款金额";
    static final String FEE = "手续费";
    private static final List<String> REQUIRED = List.of(TIME, TRANSACTION, OUT_TRADE_NO, STATE, SETTLEMENT,
            OUT_REFUND_NO, REFUND_AMOUNT, FEE);
    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public WechatTradeBill(ZoneId zone) {
        this.zone = zone;
    }

    /** Streams the bill's lines to {@code sink} and answers the totals, checked against the bill's summary. */
    public BillTotals read(InputStream in, Consumer<BillLine> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(reader, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BillTotals read(BufferedReader reader, Consumer<BillLine> sink) throws IOException {
        String header = reader.readLine();
        long number = 1;
        if (header == null || header.isBlank()) {
            throw new BillFormatException("recon-bill-empty", 0);
        }
        Map<String, Integer> columns = columns(stripBom(header), number);
        BillTotals totals = BillTotals.NONE;
        String text;
        while ((text = reader.readLine()) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            if (text.startsWith("总交易单数")) {
                return checked(totals, columns(text, number), reader.readLine(), number + 1);
            }
            BillLine line = line(values(text), columns, number);
            totals = totals.plus(line);
            sink.accept(line);
        }
        throw new BillFormatException("recon-bill-no-summary", number);
    }

    private BillLine line(List<String> values, Map<String, Integer> columns, long number) {
        if (values.size() < columns.size()) {
            throw new BillFormatException("recon-bill-columns", number, String.valueOf(columns.size()),
                    String.valueOf(values.size()));
        }
        String state = value(values, columns, STATE);
        long fee = Yuan.toFen(value(values, columns, FEE), number, FEE);
        var at = time(value(values, columns, TIME), number);
        String outTradeNo = required(values, columns, OUT_TRADE_NO, number);
        return switch (state) {
            case "SUCCESS" -> new BillLine(BillLine.Kind.PAY, outTradeNo, null, value(values, columns, TRANSACTION),
                    Yuan.toFen(value(values, columns, SETTLEMENT), number, SETTLEMENT), fee, BillLine.State.SUCCESS, at);
            case "REVOKED", "CLOSED" -> new BillLine(BillLine.Kind.PAY, outTradeNo, null,
                    value(values, columns, TRANSACTION), Yuan.toFen(value(values, columns, SETTLEMENT), number,
                    SETTLEMENT), fee, state.equals("CLOSED") ? BillLine.State.CLOSED : BillLine.State.REVOKED, at);
            case "REFUND" -> new BillLine(BillLine.Kind.REFUND, outTradeNo,
                    required(values, columns, OUT_REFUND_NO, number), value(values, columns, REFUND_ID),
                    Yuan.toFen(value(values, columns, REFUND_AMOUNT), number, REFUND_AMOUNT), fee,
                    BillLine.State.SUCCESS, at);
            default -> throw new BillFormatException("recon-bill-state", number, state);
        };
    }

    private BillTotals checked(BillTotals rows, Map<String, Integer> summaryColumns, String summary, long number) {
        if (summary == null) {
            throw new BillFormatException("recon-bill-no-summary", number);
        }
        List<String> values = values(summary);
        long count = Long.parseLong(orZero(value(values, summaryColumns, "总交易单数")));
        requireSummary(count, rows.lines(), "总交易单数", number, false);
        requireSummary(Yuan.toFen(value(values, summaryColumns, "应结订单总金额"), number, "应结订单总金额"), rows.paymentFen(),
                "应结订单总金额", number, true);
        requireSummary(Yuan.toFen(value(values, summaryColumns, "退款总金额"), number, "退款总金额"), rows.refundFen(),
                "退款总金额", number, true);
        requireSummary(Yuan.toFen(value(values, summaryColumns, "手续费总金额"), number, "手续费总金额"), rows.feeFen(),
                "手续费总金额", number, true);
        return rows;
    }


    private java.time.Instant time(String text, long number) {
        try {
            return LocalDateTime.parse(text, TIMES).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BillFormatException("recon-bill-time", number, text);
        }
    }

    private static Map<String, Integer> columns(String header, long number) {
        List<String> names = values(header);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
        if (number == 1) {
            for (String name : REQUIRED) {
                if (!columns.containsKey(name)) {
                    throw new BillFormatException("recon-bill-header", number, name);
                }
            }
        }
        return columns;
    }

    /** Values split at commas, each without its leading back-quote (the header has none). */
    static List<String> values(String text) {
        String[] parts = text.split(",", -1);
        java.util.ArrayList<String> values = new java.util.ArrayList<>(parts.length);
        for (String part : parts) {
            String value = part.strip();
            values.add(value.startsWith("`") ? value.substring(1).strip() : value);
        }
        return values;
    }

    private static String value(List<String> values, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= values.size() ? "" : values.get(index);
    }

    private static String required(List<String> values, Map<String, Integer> columns, String name, long number) {
        String value = value(values, columns, name);
        if (value.isBlank()) {
            throw new BillFormatException("recon-bill-missing", number, name);
        }
        return value;
    }

    private static String orZero(String value) {
        return value.isBlank() ? "0" : value;
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
