package org.medops.payment.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.payment.PaymentChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders, their refunds and timelines, and the notifications channels sent. */
@Repository
class OrderRecords {

    private final JdbcClient jdbc;

    OrderRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a search asks for; null fields match all. */
    record Search(String hisBillNo, OrderStatus status, PaymentChannel channel, String merchant,
                  BusinessType businessType, Instant from, Instant to) {
    }

    void insert(PaymentOrder o) {
        jdbc.sql("""
                        insert into payment_orders(out_trade_no, merchant, channel, business_type, his_bill_no, amount_fen,
                            payer_id, payer_name, campus, department, description, trade_type, status, caller, created_at,
                            expires_at)
                        values (:no, :merchant, :channel, :businessType, :bill, :amount, :payerId, :payerName, :campus,
                            :department, :description, :tradeType, 'PENDING', :caller, :createdAt, :expiresAt)""")
                .param("no", o.outTradeNo()).param("merchant", o.merchant()).param("channel", o.channel().name())
                .param("businessType", o.businessType().name()).param("bill", o.hisBillNo())
                .param("amount", o.amountFen()).param("payerId", o.payerId()).param("payerName", o.payerName())
                .param("campus", o.campus()).param("department", o.department())
                .param("description", o.description()).param("tradeType", o.tradeType()).param("caller", o.caller())
                .param("createdAt", ts(o.createdAt())).param("expiresAt", ts(o.expiresAt())).update();
    }

    void prepared(String outTradeNo, String prepayId, String codeUrl) {
        jdbc.sql("update payment_orders set prepay_id = :prepay, code_url = :code where out_trade_no = :no")
                .param("prepay", prepayId).param("code", codeUrl).param("no", outTradeNo).update();
    }

    /** The one state change from pending to paid: true for the caller that made it, false for every other. */
    boolean markPaid(String outTradeNo, String transactionId, Instant paidAt) {
        return jdbc.sql("""
                        update payment_orders set status = 'PAID', transaction_id = :tx, paid_at = :paidAt
                        where out_trade_no = :no and status = 'PENDING'""")
                .param("tx", transactionId).param("paidAt", ts(paidAt)).param("no", outTradeNo).update() == 1;
    }

    boolean markClosed(String outTradeNo, Instant at) {
        return jdbc.sql("""
                        update payment_orders set status = 'CLOSED', closed_at = :at
                        where out_trade_no = :no and status = 'PENDING'""")
                .param("at", ts(at)).param("no", outTradeNo).update() == 1;
    }

    /** Reserves the refund on the order; refused (false) if it would exceed what was paid. */
    boolean reserveRefund(String outTradeNo, long amountFen) {
        return jdbc.sql("""
                        update payment_orders set refunded_fen = refunded_fen + :amount,
                            status = case when refunded_fen + :amount = amount_fen then 'REFUNDED' else status end
                        where out_trade_no = :no and status = 'PAID' and refunded_fen + :amount <= amount_fen""")
                .param("amount", amountFen).param("no", outTradeNo).update() == 1;
    }

    /** Gives a failed refund's amount back to the order. */
    void releaseRefund(String outTradeNo, long amountFen) {
        jdbc.sql("""
                        update payment_orders set refunded_fen = refunded_fen - :amount, status = 'PAID'
                        where out_trade_no = :no and refunded_fen >= :amount""")
                .param("amount", amountFen).param("no", outTradeNo).update();
    }

    Optional<PaymentOrder> find(String outTradeNo) {
        return jdbc.sql("select * from payment_orders where out_trade_no = :no").param("no", outTradeNo)
                .query(this::order).optional();
    }

    Optional<PaymentOrder> findForUpdate(String outTradeNo) {
        return jdbc.sql("select * from payment_orders where out_trade_no = :no for update").param("no", outTradeNo)
                .query(this::order).optional();
    }

    /** The bill's live order (pending or paid), if any. */
    Optional<PaymentOrder> liveForBill(BusinessType type, String hisBillNo) {
        return jdbc.sql("""
                        select * from payment_orders where business_type = :type and his_bill_no = :bill
                          and status in ('PENDING', 'PAID')""")
                .param("type", type.name()).param("bill", hisBillNo).query(this::order).optional();
    }

    /** Newest first, keyset-paged by id. */
    List<PaymentOrder> search(Search s, Long beforeId, int limit) {
        return jdbc.sql("""
                        select * from payment_orders
                        where (cast(:bill as varchar) is null or his_bill_no = :bill)
                          and (cast(:status as varchar) is null or status = :status)
                          and (cast(:channel as varchar) is null or channel = :channel)
                          and (cast(:merchant as varchar) is null or merchant = :merchant)
                          and (cast(:type as varchar) is null or business_type = :type)
                          and (cast(:from as timestamptz) is null or created_at >= :from)
                          and (cast(:to as timestamptz) is null or created_at < :to)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("bill", s.hisBillNo()).param("status", s.status() == null ? null : s.status().name())
                .param("channel", s.channel() == null ? null : s.channel().name()).param("merchant", s.merchant())
                .param("type", s.businessType() == null ? null : s.businessType().name())
                .param("from", ts(s.from())).param("to", ts(s.to())).param("before", beforeId).param("limit", limit)
                .query(this::order).list();
    }

    List<String> pendingCreatedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        select out_trade_no from payment_orders where status = 'PENDING' and created_at < :before
                        order by created_at limit :limit""")
                .param("before", ts(before)).param("limit", limit).query(String.class).list();
    }

    List<String> expired(Instant now, int limit) {
        return jdbc.sql("""
                        select out_trade_no from payment_orders where status = 'PENDING' and expires_at <= :now
                        order by expires_at limit :limit""")
                .param("now", ts(now)).param("limit", limit).query(String.class).list();
    }

    // ---- refunds ----------------------------------------------------------------------------------------------------

    void insertRefund(String outRefundNo, String outTradeNo, long amountFen, String reason, String by, Instant at) {
        jdbc.sql("""
                        insert into payment_refunds(out_refund_no, out_trade_no, amount_fen, reason, status, requested_by,
                            created_at)
                        values (:no, :order, :amount, :reason, 'PROCESSING', :by, :at)""")
                .param("no", outRefundNo).param("order", outTradeNo).param("amount", amountFen)
                .param("reason", reason).param("by", by).param("at", ts(at)).update();
    }

    Optional<PaymentRefund> refund(String outRefundNo) {
        return jdbc.sql("select * from payment_refunds where out_refund_no = :no").param("no", outRefundNo)
                .query(this::mapRefund).optional();
    }

    void refundAccepted(String outRefundNo, String refundId) {
        jdbc.sql("update payment_refunds set refund_id = :id where out_refund_no = :no")
                .param("id", refundId).param("no", outRefundNo).update();
    }

    /** The one change from processing to final: true for the caller that made it. */
    boolean refundSettled(String outRefundNo, String status, String refundId, Instant at) {
        return jdbc.sql("""
                        update payment_refunds set status = :status, refund_id = coalesce(:id, refund_id),
                            succeeded_at = case when :status = 'SUCCESS' then cast(:at as timestamptz) end
                        where out_refund_no = :no and status = 'PROCESSING'""")
                .param("status", status).param("id", refundId).param("at", ts(at)).param("no", outRefundNo)
                .update() == 1;
    }

    int refundCount(String outTradeNo) {
        return jdbc.sql("select count(*) from payment_refunds where out_trade_no = :no").param("no", outTradeNo)
                .query(Integer.class).single();
    }

    List<PaymentRefund> refundsOf(String outTradeNo) {
        return jdbc.sql("select * from payment_refunds where out_trade_no = :no order by id")
                .param("no", outTradeNo).query(this::mapRefund).list();
    }

    List<PaymentRefund> recentRefunds(Long beforeId, int limit) {
        return jdbc.sql("""
                        select * from payment_refunds where (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("before", beforeId).param("limit", limit).query(this::mapRefund).list();
    }

    List<String> processingRefundsBefore(Instant before, int limit) {
        return jdbc.sql("""
                        select out_refund_no from payment_refunds where status = 'PROCESSING' and created_at < :before
                        order by created_at limit :limit""")
                .param("before", ts(before)).param("limit", limit).query(String.class).list();
    }

    // ---- timeline and notifications ---------------------------------------------------------------------------------

    void event(String outTradeNo, Instant at, String kind, String detail) {
        jdbc.sql("insert into payment_order_events(out_trade_no, at, kind, detail) values (:no, :at, :kind, :detail)")
                .param("no", outTradeNo).param("at", ts(at)).param("kind", kind)
                .param("detail", detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
                .update();
    }

    List<OrderEvent> timeline(String outTradeNo) {
        return jdbc.sql("select at, kind, detail from payment_order_events where out_trade_no = :no order by id")
                .param("no", outTradeNo)
                .query((rs, row) -> new OrderEvent(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getString("detail"))).list();
    }

    void notification(Instant at, String merchant, String notificationId, String eventType, String outTradeNo,
                      String outcome, String detail) {
        jdbc.sql("""
                        insert into payment_notifications(received_at, merchant, notification_id, event_type, out_trade_no,
                            outcome, detail)
                        values (:at, :merchant, :id, :type, :no, :outcome, :detail)""")
                .param("at", ts(at)).param("merchant", merchant).param("id", notificationId).param("type", eventType)
                .param("no", outTradeNo).param("outcome", outcome)
                .param("detail", detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
                .update();
    }

    long notifications(String outTradeNo, String outcome) {
        return jdbc.sql("select count(*) from payment_notifications where out_trade_no = :no and outcome = :outcome")
                .param("no", outTradeNo).param("outcome", outcome).query(Long.class).single();
    }

    private PaymentOrder order(ResultSet rs, int row) throws SQLException {
        return new PaymentOrder(rs.getLong("id"), rs.getString("out_trade_no"), rs.getString("merchant"),
                PaymentChannel.valueOf(rs.getString("channel")), BusinessType.valueOf(rs.getString("business_type")),
                rs.getString("his_bill_no"), rs.getLong("amount_fen"), rs.getLong("refunded_fen"),
                rs.getString("payer_id"), rs.getString("payer_name"), rs.getString("campus"),
                rs.getString("department"), rs.getString("description"), rs.getString("trade_type"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("transaction_id"),
                rs.getString("prepay_id"), rs.getString("code_url"), rs.getString("caller"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "paid_at"),
                instant(rs, "closed_at"));
    }

    private PaymentRefund mapRefund(ResultSet rs, int row) throws SQLException {
        return new PaymentRefund(rs.getLong("id"), rs.getString("out_refund_no"), rs.getString("out_trade_no"),
                rs.getLong("amount_fen"), rs.getString("reason"), rs.getString("status"), rs.getString("refund_id"),
                rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "succeeded_at"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
