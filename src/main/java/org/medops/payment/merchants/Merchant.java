package org.medops.payment.merchants;

import java.time.Instant;

import org.medops.payment.MerchantMode;
import org.medops.payment.MerchantStatus;
import org.medops.payment.MerchantView;
import org.medops.payment.PaymentChannel;
import org.medops.shared.ProblemException;

/** A merchant number: who the channel pays, under which app, and whether orders may go to it. */
final class Merchant {

    private final Long id;
    private final String code;
    private Details details;
    private MerchantStatus status;
    private final String createdBy;
    private final Instant createdAt;
    private Instant updatedAt;

    /** What an administrator registers or changes. */
    record Details(String name, PaymentChannel channel, String mchId, MerchantMode mode, String subMchId, String appId,
                   String apiBaseUrl) {
        Details {
            if (mode == MerchantMode.SERVICE_PROVIDER && subMchId == null) {
                throw ProblemException.invalid("merchant-sub-mch-required");
            }
            if (mode == MerchantMode.DIRECT && subMchId != null) {
                throw ProblemException.invalid("merchant-sub-mch-direct");
            }
        }
    }

    Merchant(Long id, String code, Details details, MerchantStatus status, String createdBy, Instant createdAt,
             Instant updatedAt) {
        this.id = id;
        this.code = code;
        this.details = details;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Merchant register(String code, Details details, String by, Instant at) {
        return new Merchant(null, code, details, MerchantStatus.ACTIVE, by, at, at);
    }

    void change(Details changed, Instant at) {
        if (changed.channel() != details.channel()) {
            throw ProblemException.conflict("merchant-channel-fixed", code);
        }
        this.details = changed;
        this.updatedAt = at;
    }

    void suspend(Instant at) {
        this.status = MerchantStatus.SUSPENDED;
        this.updatedAt = at;
    }

    void activate(Instant at) {
        this.status = MerchantStatus.ACTIVE;
        this.updatedAt = at;
    }

    /** Where the channel's API answers for this merchant; null means the channel's production host. */
    String apiBaseUrl() {
        return details.apiBaseUrl();
    }

    boolean active() {
        return status == MerchantStatus.ACTIVE;
    }

    MerchantView view() {
        return new MerchantView(code, details.name(), details.channel(), details.mchId(), details.mode(),
                details.subMchId(), details.appId(), status);
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    Details details() {
        return details;
    }

    MerchantStatus status() {
        return status;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
