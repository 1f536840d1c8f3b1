package org.medops.payment.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.medops.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The order's state changes, each in one transaction with its timeline line and, where the HIS must hear of it, its
 * outbox row — so a change is made once however many notifications and polls race for it, and the HIS is told once.
 */
@Service
class OrderLedger {

    private final OrderRecords orders;
    private final HisOutbox outbox;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    OrderLedger(OrderRecords orders, HisOutbox outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the new order before the channel is asked, so nothing the channel knows is unknown here. */
    @Transactional
    PaymentOrder open(PaymentOrder order) {
        Optional<PaymentOrder> live = orders.liveForBill(order.businessType(), order.hisBillNo());
        if (live.isPresent()) {
            return live.get();
        }
        orders.insert(order);
        orders.event(order.outTradeNo(), clock.instant(), "CREATED", order.caller());
        return orders.find(order.outTradeNo()).orElseThrow();
    }

    @Transactional
    void prepared(String outTradeNo, WechatPayChannel.Prepared prepared) {
        orders.prepared(outTradeNo, prepared.prepayId(), prepared.codeUrl());
    }

    /**
     * @param source how we learnt it: NOTIFICATION or QUERY
     * @return whether this call made the change (false: it was already paid, or not pending)
     */
    @Transactional
    boolean paid(String outTradeNo, String transactionId, Instant paidAt, String source) {
        Instant now = clock.instant();
        if (!orders.markPaid(outTradeNo, transactionId, paidAt == null ? now : paidAt)) {
            return false;
        }
        PaymentOrder order = orders.find(outTradeNo).orElseThrow();
        orders.event(outTradeNo, now, "PAID", source + " " + transactionId);
        ObjectNode payload = payload(order, "PAID");
        payload.put("transactionId", transactionId);
        payload.put("paidAt", order.paidAt().toString());
        outbox.add("PAID:" + outTradeNo, order.merchant(), outTradeNo, "PAID", payload.toString(), now);
        return true;
    }

    @Transactional
    boolean closed(String outTradeNo, String why) {
        Instant now = clock.instant();
        if (!orders.markClosed(outTradeNo, now)) {
            return false;
        }
        PaymentOrder order = orders.find(outTradeNo).orElseThrow();
        orders.event(outTradeNo, now, "CLOSED", why);
        outbox.add("CLOSED:" + outTradeNo, order.merchant(), outTradeNo, "CLOSED", payload(order, "CLOSED").toString(),
                now);
        return true;
    }

    /**
     * Records and reserves a refund before the channel is asked; a refund number seen before for the same order and
     * amount is the caller's retry and answers the refund it names; for anything else it is refused.
     */
    @Transactional
    PaymentRefund requestRefund(String outTradeNo, String outRefundNo, long amountFen, String reason, String by,
                                int maxRefunds, java.time.Duration refundWindow) {
        Optional<PaymentRefund> seen = orders.refund(outRefundNo);
        if (seen.isPresent()) {
            PaymentRefund r = seen.get();
            if (!r.outTradeNo().equals(outTradeNo) || r.amountFen() != amountFen) {
                throw ProblemException.conflict("refund-number-reused", outRefundNo);
            }
            return r;
        }
        PaymentOrder order = orders.findForUpdate(outTradeNo)
                .orElseThrow(() -> ProblemException.notFound("payment-order", outTradeNo));
        if (order.status() != OrderStatus.PAID) {
            throw ProblemException.conflict(order.status() == OrderStatus.REFUNDED ? "refund-exceeds-paid"
                    : "refund-order-unpaid", outTradeNo);
        }
        Instant now = clock.instant();
        if (order.paidAt() != null && order.paidAt().plus(refundWindow).isBefore(now)) {
            throw ProblemException.conflict("refund-window-passed", outTradeNo);
        }
        if (orders.refundCount(outTradeNo) >= maxRefunds) {
            throw ProblemException.conflict("refund-count-limit", maxRefunds);
        }
        if (!orders.reserveRefund(outTradeNo, amountFen)) {
            throw ProblemException.conflict("refund-exceeds-paid", outTradeNo, order.refundableFen());
        }
        orders.insertRefund(outRefundNo, outTradeNo, amountFen, reason, by, now);
        orders.event(outTradeNo, now, "REFUND_REQUESTED", outRefundNo + " " + amountFen + " " + by);
        return orders.refund(outRefundNo).orElseThrow();
    }

    @Transactional
    void refundAccepted(String outRefundNo, String refundId) {
        orders.refundAccepted(outRefundNo, refundId);
    }

    /** The refund's final state, applied once; a failed refund's amount goes back to the order. */
    @Transactional
    boolean refundSettled(String outRefundNo, String status, String refundId, Instant at) {
        PaymentRefund refund = orders.refund(outRefundNo).orElse(null);
        if (refund == null || !orders.refundSettled(outRefundNo, status, refundId, at)) {
            return false;
        }
        Instant now = clock.instant();
        PaymentOrder order = orders.find(refund.outTradeNo()).orElseThrow();
        if ("SUCCESS".equals(status)) {
            orders.event(order.outTradeNo(), now, "REFUNDED", outRefundNo + " " + refund.amountFen());
            ObjectNode payload = payload(order, "REFUNDED");
            payload.put("outRefundNo", outRefundNo);
            payload.put("refundFen", refund.amountFen());
            payload.put("refundId", refundId);
            outbox.add("REFUND:" + outRefundNo, order.merchant(), order.outTradeNo(), "REFUNDED", payload.toString(),
                    now);
        } else {
            orders.releaseRefund(order.outTradeNo(), refund.amountFen());
            orders.event(order.outTradeNo(), now, "REFUND_FAILED", outRefundNo + " " + status);
        }
        return true;
    }

    /** A refund the channel refused outright: it never happened, its amount goes back. */
    @Transactional
    void refundRefused(String outRefundNo, String code) {
        refundSettled(outRefundNo, "CLOSED", null, clock.instant());
        orders.refund(outRefundNo).ifPresent(r -> orders.event(r.outTradeNo(), clock.instant(), "REFUND_REFUSED",
                outRefundNo + " " + code));
    }

    @Transactional
    void event(String outTradeNo, String kind, String detail) {
        orders.event(outTradeNo, clock.instant(), kind, detail);
    }

    private ObjectNode payload(PaymentOrder order, String kind) {
        ObjectNode node = json.createObjectNode();
        node.put("kind", kind);
        node.put("outTradeNo", order.outTradeNo());
        node.put("hisBillNo", order.hisBillNo());
        node.put("businessType", order.businessType().name());
        node.put("merchant", order.merchant());
        node.put("channel", order.channel().name());
        node.put("amountFen", order.amountFen());
        return node;
    }
}
