package org.medops.payment.reconciliation.bills;

import static org.medops.payment.reconciliation.bills.BillFormatException.requireSummary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Alipay's merchant bill (业务明细): a zip holding the detail CSV and its summary CSV, both in GBK. The detail file
 * opens and closes with {@code #} comment lines; the closing ones state the counts and sums (交易合计 N笔，商家实收共计
 * X元; 退款合计 …), which are checked against the rows. A refund is a row of business type 退款 with negative amounts
 * and its refund request number (退款批次号/请求号).
 */
public final class AlipayBill {

    static final Charset GBK = Charset.forName("GBK");
    static final String TRADE_NO = "支付宝交易号";
    static final String OUT_TRADE_NO = "商户订单号";
    static final String TYPE = "业务类型";
    static final String FINISHED = "完成时间";
    static final String RECEIVED = "商家实收（元）";
    static final String REFUND_NO = "退款批次号/请求号";
    static final String FEE = "服务费（元）";
    private static final List<String> REQUIRED = List.of(TRADE_NO, OUT_TRADE_NO, TYPE, FINISHED, RECEIVED, REFUND_NO,
            FEE);
    private static final Pattern TRADES = Pattern.compile("交易合计：(\\d+)笔，商家实收共计：(-?[\\d.]+)元");
    private static final Pattern REFUNDS = Pattern.compile("退款合计：(\\d+)笔，商家实收退款共计：(-?[\\d.]+)元");
    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public AlipayBill(ZoneId zone) {
        this.zone = zone;
    }

    /** Reads the zipped bill: its detail entry (the one that is not the 汇总 summary). */
    public BillTotals read(InputStream zipped, Consumer<BillLine> sink) {
        try (ZipInputStream zip = new ZipInputStream(zipped, GBK)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory() && entry.getName().endsWith(".csv") && !entry.getName().contains("汇总")) {
                    return readDetail(zip, sink);
                }
            }
            throw new BillFormatException("recon-bill-zip", 0);
        } catch (java.util.zip.ZipException e) {
            throw new BillFormatException("recon-bill-zip", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detail CSV itself (GBK). */
    public BillTotals readDetail(InputStream csv, Consumer<BillLine> sink) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, GBK), 1 << 16);
        try {
            return read(reader, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BillTotals read(BufferedReader reader, Consumer<BillLine> sink) throws IOException {
        Map<String, Integer> columns = null;
        BillTotals totals = BillTotals.NONE;
        Long statedTrades = null;
        Long statedTradeFen = null;
        Long statedRefunds = null;
        Long statedRefundFen = null;
        long number = 0;
        String text;
        while ((text = reader.readLine()) != null) {
            number++;
            String line = WechatTradeBill.stripBom(text).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher trades = TRADES.matcher(line);
                if (trades.find()) {
                    statedTrades = Long.parseLong(trades.group(1));
                    statedTradeFen = Yuan.toFen(trades.group(2), number, "交易合计");
                }
                Matcher refunds = REFUNDS.matcher(line);
                if (refunds.find()) {
                    statedRefunds = Long.parseLong(refunds.group(1));
                    statedRefundFen = Yuan.toFen(refunds.group(2), number, "退款合计");
                }
                continue;
            }
            List<String> values = WechatTradeBill.values(line);
            if (columns == null) {
                columns = header(values, number);
                continue;
            }
            BillLine bill = line(values, columns, number);
            totals = totals.plus(bill);
            sink.accept(bill);
        }
        if (columns == null) {
            throw new BillFormatException("recon-bill-empty", 0);
        }
        if (statedTrades == null || statedRefunds == null) {
            throw new BillFormatException("recon-bill-no-summary", number);
        }
        requireSummary(statedTrades, totals.payments(), "交易合计", number, false);
        requireSummary(statedTradeFen, totals.paymentFen(), "商家实收共计", number, true);
        requireSummary(statedRefunds, totals.refunds(), "退款合计", number, false);
        // The bill states refunds as negative received money; lines carry them as positive refunded amounts.
        requireSummary(-statedRefundFen, totals.refundFen(), "商家实收退款共计", number, true);
        return totals;
    }

    private BillLine line(List<String> values, Map<String, Integer> columns, long number) {
        String type = value(values, columns, TYPE);
        String outTradeNo = value(values, columns, OUT_TRADE_NO);
        if (outTradeNo.isBlank()) {
            throw new BillFormatException("recon-bill-missing", number, OUT_TRADE_NO);
        }
        long received = Yuan.toFen(value(values, columns, RECEIVED), number, RECEIVED);
        // 服务费 is printed as what the merchant pays (negative) or gets back on a refund (positive).
        long fee = -Yuan.toFen(orZero(value(values, columns, FEE)), number, FEE);
        var at = time(value(values, columns, FINISHED), number);
        return switch (type) {
            case "交易" -> new BillLine(BillLine.Kind.PAY, outTradeNo, null, value(values, columns, TRADE_NO), received,
                    fee, BillLine.State.SUCCESS, at);
            case "退款" -> {
                String refundNo = value(values, columns, REFUND_NO);
                if (refundNo.isBlank()) {
                    throw new BillFormatException("recon-bill-missing", number, REFUND_NO);
                }
                yield new BillLine(BillLine.Kind.REFUND, outTradeNo, refundNo, value(values, columns, TRADE_NO),
                        -received, fee, BillLine.State.SUCCESS, at);
            }
            default -> throw new BillFormatException("recon-bill-state", number, type);
        };
    }


    private java.time.Instant time(String text, long number) {
        try {
            return LocalDateTime.parse(text, TIMES).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BillFormatException("recon-bill-time", number, text);
        }
    }

    private static Map<String, Integer> header(List<String> names, long number) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                throw new BillFormatException("recon-bill-header", number, name);
            }
        }
        return columns;
    }

    private static String value(List<String> values, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= values.size() ? "" : values.get(index);
    }

    private static String orZero(String value) {
        return value.isBlank() ? "0" : value;
    }
}
