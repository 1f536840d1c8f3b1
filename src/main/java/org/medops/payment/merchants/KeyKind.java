package org.medops.payment.merchants;

/** The keys and certificates a merchant's channel needs; label {@code payment.keyKind.<name>}. */
public enum KeyKind {
    /** WeChat Pay APIv3 key (32 characters): decrypts notifications and certificates. */
    API_V3_KEY(true),
    /** The merchant's API private key (PEM) signing requests; its serial is the merchant certificate's. */
    MERCHANT_PRIVATE_KEY(true),
    /** The channel's platform public key (PEM) verifying answers and notifications; serial is its key ID. */
    PLATFORM_PUBLIC_KEY(false),
    /** Alipay application private key (PEM, RSA2). */
    ALIPAY_APP_PRIVATE_KEY(true),
    /** Alipay's public key (PEM, RSA2). */
    ALIPAY_PUBLIC_KEY(false);

    private final boolean secret;

    KeyKind(boolean secret) {
        this.secret = secret;
    }

    boolean secret() {
        return secret;
    }
}
