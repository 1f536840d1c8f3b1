package org.medops.payment.merchants;

import java.util.List;

import org.medops.payment.MerchantView;
import org.medops.payment.permissions.CanReadPayments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 商户号管理: the merchants, their current keys with expiry, the routing rules. */
@Controller
class MerchantPages {

    private final MerchantRegistry registry;
    private final MerchantKeys keys;
    private final MerchantRouting routing;

    MerchantPages(MerchantRegistry registry, MerchantKeys keys, MerchantRouting routing) {
        this.registry = registry;
        this.keys = keys;
        this.routing = routing;
    }

    /** A merchant with its current keys and where its HIS listens. */
    record Row(MerchantView merchant, List<MerchantKey> keys, String hisUrl) {
    }

    @CanReadPayments
    @GetMapping("/payment/merchants")
    String merchants(Model model) {
        model.addAttribute("rows", registry.all().stream().map(m -> new Row(m,
                keys.of(m.code()).stream().filter(k -> k.retiredAt() == null).toList(),
                routing.hisEndpointUrl(m.code()).orElse(null))).toList());
        model.addAttribute("routes", routing.routes());
        return "payment/merchants";
    }
}
