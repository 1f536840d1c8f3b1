package org.medops.payment.merchants;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.medops.payment.MerchantView;
import org.medops.payment.Merchants;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and changing merchant numbers; every change is audited. */
@Service
class MerchantRegistry implements Merchants {

    private final MerchantRecords merchants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MerchantRegistry(MerchantRecords merchants, ApplicationEventPublisher events, Clock clock) {
        this.merchants = merchants;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<MerchantView> byCode(String code) {
        return merchants.find(code).map(Merchant::view);
    }

    @Override
    public List<MerchantView> all() {
        return merchants.all().stream().map(Merchant::view).toList();
    }

    Merchant get(String code) {
        return merchants.find(code).orElseThrow(() -> ProblemException.notFound("payment-merchant", code));
    }

    @Transactional
    Merchant register(String code, Merchant.Details details, String by) {
        if (merchants.find(code).isPresent()) {
            throw ProblemException.conflict("merchant-code-taken", code);
        }
        requireFreeNumber(details, null);
        Merchant saved = merchants.save(Merchant.register(code, details, by, clock.instant()));
        events.publishEvent(MerchantAudit.ofMerchant("payment-merchant.register", code,
                FieldChange.between(null, details)));
        return saved;
    }

    @Transactional
    Merchant change(String code, Merchant.Details details) {
        Merchant merchant = merchants.findForUpdate(code)
                .orElseThrow(() -> ProblemException.notFound("payment-merchant", code));
        Merchant.Details before = merchant.details();
        requireFreeNumber(details, code);
        merchant.change(details, clock.instant());
        Merchant saved = merchants.save(merchant);
        events.publishEvent(MerchantAudit.ofMerchant("payment-merchant.change", code,
                FieldChange.between(before, details)));
        return saved;
    }

    @Transactional
    Merchant suspend(String code, boolean suspended) {
        Merchant merchant = merchants.findForUpdate(code)
                .orElseThrow(() -> ProblemException.notFound("payment-merchant", code));
        String before = merchant.status().name();
        if (suspended) {
            merchant.suspend(clock.instant());
        } else {
            merchant.activate(clock.instant());
        }
        Merchant saved = merchants.save(merchant);
        events.publishEvent(MerchantAudit.ofMerchant(suspended ? "payment-merchant.suspend"
                : "payment-merchant.activate", code, List.of(FieldChange.of("merchantStatus", before,
                saved.status().name()))));
        return saved;
    }

    private void requireFreeNumber(Merchant.Details details, String exceptCode) {
        if (merchants.numberTaken(details.channel(), details.mchId(), details.subMchId(), exceptCode)) {
            throw ProblemException.conflict("merchant-number-taken", details.mchId());
        }
    }
}
