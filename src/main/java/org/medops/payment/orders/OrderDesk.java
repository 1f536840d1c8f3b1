package org.medops.payment.orders;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.medops.catalog.BuiltInServices;
import org.medops.payment.MerchantMode;
import org.medops.payment.MerchantView;
import org.medops.payment.PaymentChannel;
import org.medops.payment.merchants.MerchantCredentials;
import org.medops.payment.merchants.PaymentMerchants;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Creating, querying, closing and refunding orders, and applying what the channel reports. Each state change goes
 * through {@link OrderLedger} (once, with its HIS outbox row); the channel is called outside any transaction.
 */
@Service
class OrderDesk {

    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter NUMBER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    /** WeChat Pay's own limits: at most 50 refunds per order, within a year of payment. */
    static final int MAX_REFUNDS = 50;
    static final Duration REFUND_WINDOW = Duration.ofDays(365);

    private final OrderRecords orders;
    private final OrderLedger ledger;
    private final PaymentMerchants merchants;
    private final WechatPayChannel wechat;
    private final PaymentSettings settings;
    private final BuiltInServices builtIn;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderDesk(OrderRecords orders, OrderLedger ledger, PaymentMerchants merchants, WechatPayChannel wechat,
              PaymentSettings settings, BuiltInServices builtIn, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.merchants = merchants;
        this.wechat = wechat;
        this.settings = settings;
        this.builtIn = builtIn;
        this.events = events;
        this.clock = clock;
    }

    /** What a channel asks for; the merchant comes from the routing rules. */
    record NewOrder(PaymentChannel channel, BusinessType businessType, String hisBillNo, long amountFen,
                    String payerId, String payerName, String campus, String department, String description,
                    String tradeType) {
    }

    PaymentOrder create(NewOrder request, String caller) {
        MerchantView merchant = merchants.route(request.channel(), request.campus(), request.department(),
                        request.businessType().name())
                .orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "payment-no-route",
                        request.channel().name(), request.businessType().name()));
        if (merchant.channel() != PaymentChannel.WECHAT || merchant.mode() != MerchantMode.DIRECT) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "payment-channel-unsupported",
                    merchant.channel().name());
        }
        Instant now = clock.instant();
        PaymentOrder fresh = new PaymentOrder(0, newTradeNo(now), merchant.code(), merchant.channel(),
                request.businessType(), request.hisBillNo(), request.amountFen(), 0, request.payerId(),
                request.payerName(), request.campus(), request.department(), request.description(),
                request.tradeType(), OrderStatus.PENDING, null, null, null, caller, now,
                now.plus(settings.unpaidCloseAfter()), null, null);
        PaymentOrder order;
        try {
            order = ledger.open(fresh);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            order = orders.liveForBill(request.businessType(), request.hisBillNo()).orElseThrow(() -> e);
        }
        if (!order.outTradeNo().equals(fresh.outTradeNo())) {
            if (order.status() == OrderStatus.PAID) {
                throw ProblemException.conflict("payment-bill-paid", request.hisBillNo(), order.outTradeNo());
            }
            if (order.amountFen() != request.amountFen() || !order.payerId().equals(request.payerId())) {
                throw ProblemException.conflict("payment-bill-pending", request.hisBillNo(), order.outTradeNo());
            }
            if (order.prepayId() != null || order.codeUrl() != null) {
                return order; // the caller's retry: the same order, prepared already
            }
        }
        MerchantCredentials credentials = merchants.credentials(order.merchant());
        try {
            WechatPayChannel.Prepared prepared = wechat.prepay(credentials, order, notifyUrl(order.merchant(), false));
            ledger.prepared(order.outTradeNo(), prepared);
            ledger.event(order.outTradeNo(), "PREPARED", prepared.prepayId() != null ? prepared.prepayId()
                    : prepared.codeUrl());
        } catch (ChannelException e) {
            ledger.event(order.outTradeNo(), "CHANNEL_ERROR", e.code());
            if (!e.unreachable()) {
                ledger.closed(order.outTradeNo(), "channel refused: " + e.code());
            }
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-channel-failed", e.code());
        }
        return orders.find(order.outTradeNo()).orElseThrow();
    }

    PaymentOrder get(String outTradeNo) {
        return orders.find(outTradeNo).orElseThrow(() -> ProblemException.notFound("payment-order", outTradeNo));
    }

    /** The order, first brought up to date with the channel when it is still pending. */
    PaymentOrder query(String outTradeNo) {
        PaymentOrder order = get(outTradeNo);
        if (order.status() == OrderStatus.PENDING) {
            sync(order, "QUERY");
        }
        return get(outTradeNo);
    }

    /** Closes a pending order at the channel first; one the payer paid meanwhile is recorded as paid instead. */
    PaymentOrder close(String outTradeNo, String why, String by) {
        PaymentOrder order = get(outTradeNo);
        if (order.status() != OrderStatus.PENDING) {
            throw ProblemException.conflict("payment-order-not-pending", outTradeNo);
        }
        MerchantCredentials credentials = merchants.credentials(order.merchant());
        try {
            wechat.close(credentials, outTradeNo);
        } catch (ChannelException e) {
            if ("ORDERPAID".equals(e.code())) {
                sync(order, "CLOSE");
                return get(outTradeNo);
            }
            if (!"ORDER_NOT_EXIST".equals(e.code())) {
                throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-channel-failed", e.code());
            }
        }
        if (ledger.closed(outTradeNo, why) && by != null) {
            events.publishEvent(OrderAudit.of("payment-order.close", outTradeNo, List.of(
                    FieldChange.of("orderStatus", "PENDING", "CLOSED"), FieldChange.set("reason", why))));
        }
        return get(outTradeNo);
    }

    /**
     * Refunds part or all of a paid order. The refund is journalled and its amount reserved before the channel is
     * asked; a retry with the same refund number asks the channel again with the same number, which refunds once.
     */
    PaymentRefund refund(String outTradeNo, String outRefundNo, long amountFen, String reason, String by) {
        PaymentRefund refund = ledger.requestRefund(outTradeNo, outRefundNo, amountFen, reason, by, MAX_REFUNDS,
                REFUND_WINDOW);
        if (!"PROCESSING".equals(refund.status())) {
            return refund;
        }
        PaymentOrder order = get(outTradeNo);
        try {
            WechatPayChannel.ChannelRefund answer = wechat.refund(merchants.credentials(order.merchant()), order,
                    refund, notifyUrl(order.merchant(), true));
            ledger.refundAccepted(outRefundNo, answer.refundId());
            if (!"PROCESSING".equals(answer.status())) {
                ledger.refundSettled(outRefundNo, answer.status(), answer.refundId(), answer.successTime());
            }
        } catch (ChannelException e) {
            if (e.unreachable()) {
                ledger.event(outTradeNo, "CHANNEL_ERROR", e.code()); // stays PROCESSING: the poller asks again
            } else {
                ledger.refundRefused(outRefundNo, e.code());
                throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-refund-refused", e.code());
            }
        }
        if (by != null) {
            events.publishEvent(OrderAudit.of("payment-order.refund", outTradeNo, List.of(
                    FieldChange.set("outRefundNo", outRefundNo), FieldChange.set("refundFen", amountFen),
                    FieldChange.set("reason", reason))));
        }
        return orders.refund(outRefundNo).orElseThrow();
    }

    List<PaymentRefund> refundsOf(String outTradeNo) {
        return orders.refundsOf(outTradeNo);
    }

    Optional<PaymentRefund> refundByNumber(String outRefundNo) {
        return orders.refund(outRefundNo);
    }

    /** A verified payment notification: recorded always, applied once. */
    String applyTrade(String merchant, String notificationId, WechatPayChannel.ChannelTrade trade) {
        Instant now = clock.instant();
        Optional<PaymentOrder> order = orders.find(trade.outTradeNo() == null ? "" : trade.outTradeNo());
        String outcome;
        if (order.isEmpty() || !order.get().merchant().equals(merchant)) {
            outcome = "UNKNOWN_ORDER";
        } else if (order.get().amountFen() != trade.totalFen()) {
            outcome = "AMOUNT_MISMATCH";
            ledger.event(trade.outTradeNo(), "NOTIFICATION_AMOUNT_MISMATCH", trade.totalFen() + " fen");
        } else if (!trade.paid()) {
            outcome = "IGNORED";
        } else if (ledger.paid(trade.outTradeNo(), trade.transactionId(), trade.successTime(), "NOTIFICATION")) {
            outcome = "APPLIED";
        } else {
            outcome = order.get().status() == OrderStatus.CLOSED ? "LATE" : "DUPLICATE";
        }
        orders.notification(now, merchant, notificationId, "TRANSACTION." + trade.state(), trade.outTradeNo(),
                outcome, trade.transactionId());
        if (!"APPLIED".equals(outcome) && order.isPresent() && order.get().merchant().equals(merchant)) {
            ledger.event(trade.outTradeNo(), "NOTIFICATION_" + outcome, notificationId);
        }
        return outcome;
    }

    String applyRefund(String merchant, String notificationId, WechatPayChannel.ChannelRefund refund) {
        Optional<PaymentRefund> known = orders.refund(refund.outRefundNo() == null ? "" : refund.outRefundNo());
        String outcome;
        if (known.isEmpty()) {
            outcome = "UNKNOWN_ORDER";
        } else if (ledger.refundSettled(refund.outRefundNo(), refund.status(), refund.refundId(),
                refund.successTime())) {
            outcome = "APPLIED";
        } else {
            outcome = "DUPLICATE";
        }
        orders.notification(clock.instant(), merchant, notificationId, "REFUND." + refund.status(),
                refund.outTradeNo(), outcome, refund.outRefundNo());
        return outcome;
    }

    void rejectedNotification(String merchant, String why) {
        orders.notification(clock.instant(), merchant, null, null, null, "REJECTED", why);
    }

    /** Asks the channel about a pending order and applies what it says. */
    void sync(PaymentOrder order, String source) {
        try {
            Optional<WechatPayChannel.ChannelTrade> trade = wechat.query(merchants.credentials(order.merchant()),
                    order.outTradeNo());
            if (trade.isPresent() && trade.get().paid() && trade.get().totalFen() == order.amountFen()) {
                ledger.paid(order.outTradeNo(), trade.get().transactionId(), trade.get().successTime(), source);
            } else if (trade.isPresent() && "CLOSED".equals(trade.get().state())) {
                ledger.closed(order.outTradeNo(), "closed at the channel");
            }
        } catch (ChannelException e) {
            log.info("payment order {}: channel query failed: {}", order.outTradeNo(), e.code());
        }
    }

    void syncRefund(String outRefundNo) {
        orders.refund(outRefundNo).ifPresent(refund -> {
            PaymentOrder order = get(refund.outTradeNo());
            try {
                WechatPayChannel.ChannelRefund answer = wechat.queryRefund(merchants.credentials(order.merchant()),
                        outRefundNo);
                if (!"PROCESSING".equals(answer.status())) {
                    ledger.refundSettled(outRefundNo, answer.status(), answer.refundId(), answer.successTime());
                }
            } catch (ChannelException e) {
                if ("RESOURCE_NOT_EXISTS".equals(e.code())) {
                    // The channel never took it (we crashed before asking): ask now, with the same number.
                    try {
                        WechatPayChannel.ChannelRefund answer = wechat.refund(merchants.credentials(order.merchant()),
                                order, refund, notifyUrl(order.merchant(), true));
                        ledger.refundAccepted(outRefundNo, answer.refundId());
                    } catch (ChannelException again) {
                        if (!again.unreachable()) {
                            ledger.refundRefused(outRefundNo, again.code());
                        }
                    }
                }
            }
        });
    }

    String notifyUrl(String merchant, boolean refund) {
        String base = settings.notifyBaseUrl() != null && !settings.notifyBaseUrl().isBlank()
                ? settings.notifyBaseUrl()
                : builtIn.base().map(Object::toString).orElse("http://127.0.0.1:8080");
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/payment-notify/wechat/" + merchant + (refund ? "/refund" : "");
    }

    private static String newTradeNo(Instant now) {
        return "MO" + NUMBER_TIME.format(now) + String.format("%08d", RANDOM.nextInt(100_000_000));
    }
}
