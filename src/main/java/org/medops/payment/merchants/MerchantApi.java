package org.medops.payment.merchants;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medops.payment.MerchantMode;
import org.medops.payment.MerchantView;
import org.medops.payment.PaymentChannel;
import org.medops.payment.permissions.CanReadPayments;
import org.medops.payment.permissions.CanWriteMerchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payment/merchants")
class MerchantApi {

    static final String CHANNELS = "WECHAT|ALIPAY|UNIONPAY|ECNY|INSURANCE";
    static final String NUMBER = "[A-Za-z0-9_-]{1,32}";

    private final MerchantRegistry registry;

    MerchantApi(MerchantRegistry registry) {
        this.registry = registry;
    }

    /** The request body, shared with the console's form; {@code mode} defaults to DIRECT. */
    record MerchantRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{2,32}") String code,
                           @NotBlank @Size(max = 200) String name,
                           @NotBlank @Pattern(regexp = CHANNELS) String channel,
                           @NotBlank @Pattern(regexp = NUMBER) String mchId,
                           @Pattern(regexp = "DIRECT|SERVICE_PROVIDER") String mode,
                           @Pattern(regexp = NUMBER) String subMchId,
                           @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String appId,
                           @Size(max = 200) @Pattern(regexp = "https?://[A-Za-z0-9.:\\[\\]_-]+/?") String apiBaseUrl) {
        Merchant.Details details() {
            return new Merchant.Details(name.trim(), PaymentChannel.valueOf(channel), mchId,
                    mode == null || mode.isBlank() ? MerchantMode.DIRECT : MerchantMode.valueOf(mode),
                    blankToNull(subMchId), blankToNull(appId), blankToNull(apiBaseUrl));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    record Suspension(boolean suspended) {
    }

    @CanReadPayments
    @GetMapping
    List<MerchantView> list() {
        return registry.all();
    }

    @CanReadPayments
    @GetMapping("/{code}")
    MerchantView get(@PathVariable String code) {
        return registry.get(code).view();
    }

    @CanWriteMerchants
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MerchantView register(Authentication caller, @Valid @RequestBody MerchantRequest request) {
        return registry.register(request.code(), request.details(), caller.getName()).view();
    }

    /** Changes name, numbers, mode and app ID; the code and channel stay. */
    @CanWriteMerchants
    @PutMapping("/{code}")
    MerchantView change(@PathVariable String code, @Valid @RequestBody MerchantRequest request) {
        return registry.change(code, request.details()).view();
    }

    @CanWriteMerchants
    @PutMapping("/{code}/suspension")
    MerchantView suspend(@PathVariable String code, @RequestBody Suspension suspension) {
        return registry.suspend(code, suspension.suspended()).view();
    }
}
