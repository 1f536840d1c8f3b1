package org.medops.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The trade bill (交易账单, bill_type ALL) WeChat Pay serves: CSV, every value prefixed with a back-quote, amounts in
 * yuan, refunds as rows of their own, a summary of count and totals at the end. The fee is 0.6 % of what was paid.
 */
final class SandboxBill {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
            + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    private SandboxBill() {
    }

    static byte[] render(String mchId, LocalDate date, List<SandboxTrade> trades, ZoneId zone) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        long count = 0;
        long settled = 0;
        long refunded = 0;
        long fees = 0;
        long ordered = 0;
        for (SandboxTrade trade : trades) {
            synchronized (trade) {
                if (trade.successTime != null && on(trade.successTime, date, zone)) {
                    long fee = fee(trade.total);
                    row(csv, trade.successTime, zone, trade, "SUCCESS", trade.total, "", "", 0, "", "", fee,
                            trade.total, 0);
                    count++;
                    settled += trade.total;
                    fees += fee;
                    ordered += trade.total;
                }
                for (SandboxTrade.Refund refund : trade.refunds) {
                    if (refund.successTime != null && on(refund.successTime, date, zone)) {
                        long fee = -fee(refund.amount);
                        row(csv, refund.successTime, zone, trade, "REFUND", 0, refund.refundId, refund.outRefundNo,
                                refund.amount, "ORIGINAL", "SUCCESS", fee, 0, refund.amount);
                        count++;
                        refunded += refund.amount;
                        fees += fee;
                    }
                }
            }
        }
        csv.append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
        csv.append('`').append(count).append(",`").append(WechatPaySandbox.yuan(settled)).append(",`")
                .append(WechatPaySandbox.yuan(refunded)).append(",`0.00,`").append(WechatPaySandbox.yuan(fees))
                .append(",`").append(WechatPaySandbox.yuan(ordered)).append(",`").append(WechatPaySandbox.yuan(refunded))
                .append("\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, Instant at, ZoneId zone, SandboxTrade trade, String state, long settled,
                            String refundId, String outRefundNo, long refund, String refundType, String refundStatus,
                            long fee, long ordered, long refundAsked) {
        String[] values = {TIME.format(at.atZone(zone)), trade.appId == null ? "" : trade.appId, trade.mchId,
                trade.subMchId == null ? "0" : trade.subMchId, "", trade.transactionId, trade.outTradeNo,
                trade.openId == null ? "" : trade.openId, trade.tradeType, state, "OTHERS", "CNY",
                WechatPaySandbox.yuan(settled), "0.00", refundId, outRefundNo, WechatPaySandbox.yuan(refund), "0.00",
                refundType, refundStatus, trade.description.replace(",", "，"), "", WechatPaySandbox.yuan(fee),
                "0.60%", WechatPaySandbox.yuan(ordered), WechatPaySandbox.yuan(refundAsked), ""};
        for (int i = 0; i < values.length; i++) {
            csv.append(i == 0 ? "`" : ",`").append(values[i]);
        }
        csv.append("\r\n");
    }

    /** 0.6 %, rounded half up to the fen. */
    private static long fee(long fen) {
        return (fen * 6 + 500) / 1000;
    }

    private static boolean on(Instant at, LocalDate date, ZoneId zone) {
        return at.atZone(zone).toLocalDate().equals(date);
    }
}
