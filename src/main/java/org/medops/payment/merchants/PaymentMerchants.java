package org.medops.payment.merchants;

import java.util.Optional;

import org.medops.payment.MerchantView;
import org.medops.payment.PaymentChannel;

/** What the order desk needs of merchants: the merchant for an order, its opened keys, where its HIS listens. */
public interface PaymentMerchants {

    /** The active merchant the routing rules pick for an order. */
    Optional<MerchantView> route(PaymentChannel channel, String campus, String department, String businessType);

    /** Opened keys for one call to the channel; refused when the merchant has none yet. */
    MerchantCredentials credentials(String merchantCode);

    Optional<HisEndpoint> hisEndpoint(String merchantCode);
}
