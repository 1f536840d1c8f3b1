package org.medops.payment.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.medops.catalog.BuiltInServices;
import org.medops.gateway.GatewayCaller;
import org.medops.payment.PaymentChannel;
import org.medops.shared.ProblemException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in catalog service {@code payment}: internet channels call {@code /payment/orders…} on the gateway with
 * signed requests; the gateway's proof names the channel, which sees and changes only the orders it created.
 */
@RestController
@RequestMapping("/builtin/payment/orders")
@ConditionalOnWebApplication
class PaymentServiceApi {

    static final String SERVICE = "payment";
    private final OrderDesk desk;
    private final BuiltInServices builtIn;

    PaymentServiceApi(OrderDesk desk, BuiltInServices builtIn) {
        this.desk = desk;
        this.builtIn = builtIn;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        builtIn.ensure(SERVICE, "统一支付", "/builtin/payment");
    }

    /** What a channel sends to create an order; {@code tradeType} JSAPI (payer's openid needed) or NATIVE (QR code). */
    record CreateRequest(@Pattern(regexp = "WECHAT") String channel,
                         @NotBlank @Pattern(regexp = "REGISTRATION|OUTPATIENT|DEPOSIT|INPATIENT") String businessType,
                         @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String hisBillNo,
                         @NotNull @Positive Long amountFen,
                         @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9_-]+") String payerId,
                         @Size(max = 64) String payerName,
                         @Size(max = 64) String campus, @Size(max = 64) String department,
                         @NotBlank @Size(max = 127) String description,
                         @Pattern(regexp = "JSAPI|NATIVE") String tradeType) {
        OrderDesk.NewOrder toOrder() {
            if (amountFen > 100_000_000L) {
                throw ProblemException.invalid("payment-amount-too-large");
            }
            return new OrderDesk.NewOrder(PaymentChannel.WECHAT, BusinessType.valueOf(businessType), hisBillNo,
                    amountFen, payerId, blank(payerName), blank(campus), blank(department), description.strip(),
                    tradeType == null ? "JSAPI" : tradeType);
        }
    }

    record CloseRequest(@Size(max = 200) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrderView create(GatewayCaller caller, @Valid @RequestBody CreateRequest request) {
        return OrderView.of(desk.create(request.toOrder(), caller.channel()));
    }

    @GetMapping("/{outTradeNo}")
    OrderView query(GatewayCaller caller, @PathVariable String outTradeNo) {
        own(caller, outTradeNo);
        return OrderView.of(desk.query(outTradeNo));
    }

    @PostMapping("/{outTradeNo}/close")
    OrderView close(GatewayCaller caller, @PathVariable String outTradeNo,
                    @Valid @RequestBody(required = false) CloseRequest request) {
        own(caller, outTradeNo);
        String reason = request == null || request.reason() == null ? "closed by " + caller.channel()
                : request.reason();
        return OrderView.of(desk.close(outTradeNo, reason, null));
    }

    @PostMapping("/{outTradeNo}/refunds")
    RefundView refund(GatewayCaller caller, @PathVariable String outTradeNo,
                      @Valid @RequestBody RefundRequest request) {
        own(caller, outTradeNo);
        return RefundView.of(desk.refund(outTradeNo, request.outRefundNo(), request.amountFen(), request.reason(),
                "channel:" + caller.channel()));
    }

    /** Another channel's order is answered as not found: a channel learns nothing of the others. */
    private void own(GatewayCaller caller, String outTradeNo) {
        PaymentOrder order = desk.get(outTradeNo);
        if (!caller.channel().equals(order.caller())) {
            throw ProblemException.notFound("payment-order", outTradeNo);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
