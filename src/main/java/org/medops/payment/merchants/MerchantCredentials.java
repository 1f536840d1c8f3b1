package org.medops.payment.merchants;

import org.medops.payment.MerchantView;

/**
 * A merchant's opened keys for the channel client, held in memory only for a call; never logged, never rendered.
 *
 * @param apiBaseUrl the channel's API root, e.g. {@code https://api.mch.weixin.qq.com} or the sandbox's
 */
public record MerchantCredentials(MerchantView merchant, String apiBaseUrl, String apiV3Key, String privateKeyPem,
                                  String merchantSerial, String platformPublicKeyPem, String platformKeyId) {

    @Override
    public String toString() {
        return "MerchantCredentials[" + merchant.code() + "]";
    }
}
