package org.medops.payment.orders;

import org.medops.payment.PaymentChannel;
import org.medops.payment.permissions.CanReadPayments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 支付订单: the search, and an order's page with its refunds, timeline and what the HIS was told. */
@Controller
class OrderPages {

    private static final int PAGE = 50;
    private final OrderDesk desk;
    private final OrderRecords orders;
    private final HisOutbox outbox;

    OrderPages(OrderDesk desk, OrderRecords orders, HisOutbox outbox) {
        this.desk = desk;
        this.orders = orders;
        this.outbox = outbox;
    }

    @CanReadPayments
    @GetMapping("/payment/orders")
    String orders(@RequestParam(required = false) String hisBillNo, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String channel, @RequestParam(required = false) Long before,
                  Model model) {
        OrderStatus s = parse(OrderStatus.class, status);
        PaymentChannel c = parse(PaymentChannel.class, channel);
        String bill = hisBillNo == null || hisBillNo.isBlank() ? null : hisBillNo.strip();
        var page = orders.search(new OrderRecords.Search(bill, s, c, null, null, null, null), before, PAGE + 1);
        model.addAttribute("orders", page.stream().limit(PAGE).toList());
        model.addAttribute("next", page.size() > PAGE ? page.get(PAGE - 1).id() : null);
        model.addAttribute("hisBillNo", bill);
        model.addAttribute("status", s);
        model.addAttribute("channel", c);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("channels", PaymentChannel.values());
        return "payment/orders";
    }

    @CanReadPayments
    @GetMapping("/payment/orders/{outTradeNo}")
    String order(@PathVariable String outTradeNo, Model model) {
        model.addAttribute("order", desk.get(outTradeNo));
        model.addAttribute("refunds", desk.refundsOf(outTradeNo));
        model.addAttribute("timeline", orders.timeline(outTradeNo));
        model.addAttribute("his", outbox.of(outTradeNo));
        return "payment/order";
    }

    /** Fen as yuan with two decimals, for the pages. */
    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
