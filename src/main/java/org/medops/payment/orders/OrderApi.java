package org.medops.payment.orders;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.medops.payment.PaymentChannel;
import org.medops.payment.permissions.CanReadPayments;
import org.medops.payment.permissions.CanRefundPayments;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The finance office's orders and refunds. */
@RestController
@Validated
@RequestMapping("/api/v1/payment")
class OrderApi {

    private final OrderDesk desk;
    private final OrderRecords orders;
    private final HisOutbox outbox;

    OrderApi(OrderDesk desk, OrderRecords orders, HisOutbox outbox) {
        this.desk = desk;
        this.orders = orders;
        this.outbox = outbox;
    }

    record OrderDetail(OrderView order, List<RefundView> refunds, List<OrderEvent> timeline,
                       List<HisOutbox.State> hisResults) {
    }

    @CanReadPayments
    @GetMapping("/orders")
    List<OrderView> search(@RequestParam(required = false) String hisBillNo,
                           @RequestParam(required = false) OrderStatus status,
                           @RequestParam(required = false) PaymentChannel channel,
                           @RequestParam(required = false) String merchant,
                           @RequestParam(required = false) BusinessType businessType,
                           @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(required = false) Long before,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return orders.search(new OrderRecords.Search(blank(hisBillNo), status, channel, blank(merchant), businessType,
                from, to), before, size).stream().map(OrderView::of).toList();
    }

    @CanReadPayments
    @GetMapping("/orders/{outTradeNo}")
    OrderDetail get(@PathVariable String outTradeNo) {
        PaymentOrder order = desk.get(outTradeNo);
        return new OrderDetail(OrderView.of(order), desk.refundsOf(outTradeNo).stream().map(RefundView::of).toList(),
                orders.timeline(outTradeNo), outbox.of(outTradeNo));
    }

    @CanRefundPayments
    @PostMapping("/orders/{outTradeNo}/refunds")
    RefundView refund(Authentication caller, @PathVariable String outTradeNo,
                      @Valid @RequestBody RefundRequest request) {
        return RefundView.of(desk.refund(outTradeNo, request.outRefundNo(), request.amountFen(), request.reason(),
                caller.getName()));
    }

    @CanReadPayments
    @GetMapping("/refunds")
    List<RefundView> refunds(@RequestParam(required = false) Long before,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return orders.recentRefunds(before, size).stream().map(RefundView::of).toList();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
