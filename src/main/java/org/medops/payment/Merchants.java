package org.medops.payment;

import java.util.List;
import java.util.Optional;

/** The hospital's registered merchant numbers, for the features that take, settle and reconcile payments. */
public interface Merchants {

    Optional<MerchantView> byCode(String code);

    /** Every merchant, by code. */
    List<MerchantView> all();
}
