package org.medops.payment.merchants;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medops.payment.PaymentChannel;
import org.medops.payment.permissions.CanReadPayments;
import org.medops.payment.permissions.CanWriteMerchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's keys, the routing rules and the HIS endpoint. */
@RestController
@RequestMapping("/api/v1/payment")
class MerchantSetupApi {

    private final MerchantKeys keys;
    private final MerchantRouting routing;

    MerchantSetupApi(MerchantKeys keys, MerchantRouting routing) {
        this.keys = keys;
        this.routing = routing;
    }

    record KeyUpload(@NotNull KeyKind kind, @NotBlank @Size(max = 8000) String value,
                     @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9_-]*") String serial,
                     @Size(max = 8000) String certificate, Instant expiresAt) {
        MerchantKeys.Upload upload() {
            return new MerchantKeys.Upload(kind, value, serial, certificate, expiresAt);
        }
    }

    record RouteRequest(@NotBlank @Pattern(regexp = MerchantApi.CHANNELS) String channel,
                        @Size(max = 64) String campus, @Size(max = 64) String department,
                        @Size(max = 24) @Pattern(regexp = "[A-Z_]*") String businessType,
                        @NotBlank @Size(max = 32) String merchant) {
    }

    record EndpointRequest(@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+") String url) {
    }

    /** The signing key is in this answer only. */
    record EndpointIssued(String url, String signingKey) {
    }

    @CanReadPayments
    @GetMapping("/merchants/{code}/keys")
    List<MerchantKey> keys(@PathVariable String code) {
        return keys.of(code);
    }

    @CanWriteMerchants
    @PostMapping("/merchants/{code}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    MerchantKey upload(Authentication caller, @PathVariable String code, @Valid @RequestBody KeyUpload upload) {
        return keys.upload(code, upload.upload(), caller.getName());
    }

    @CanWriteMerchants
    @PutMapping("/merchants/{code}/his-endpoint")
    EndpointIssued hisEndpoint(Authentication caller, @PathVariable String code,
                               @Valid @RequestBody EndpointRequest request) {
        HisEndpoint issued = routing.putHisEndpoint(code, request.url(), caller.getName());
        return new EndpointIssued(issued.url(), issued.signingKey());
    }

    @CanReadPayments
    @GetMapping("/routes")
    List<Route> routes() {
        return routing.routes();
    }

    @CanWriteMerchants
    @PostMapping("/routes")
    @ResponseStatus(HttpStatus.CREATED)
    Route putRoute(Authentication caller, @Valid @RequestBody RouteRequest request) {
        return routing.putRoute(PaymentChannel.valueOf(request.channel()), blank(request.campus()),
                blank(request.department()), blank(request.businessType()), request.merchant(), caller.getName());
    }

    @CanWriteMerchants
    @DeleteMapping("/routes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRoute(@PathVariable long id) {
        routing.deleteRoute(id);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
