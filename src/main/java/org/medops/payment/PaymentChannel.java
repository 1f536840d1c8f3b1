package org.medops.payment;

/** The payment channel a merchant number belongs to; the console's label is {@code payment.channel.<name>}. */
public enum PaymentChannel {
    /** WeChat Pay API v3 (微信支付). */
    WECHAT,
    /** Alipay open platform, RSA2 (支付宝). */
    ALIPAY,
    /** UnionPay / 云闪付. */
    UNIONPAY,
    /** 数字人民币 through the hospital's bank. */
    ECNY,
    /** 医保移动支付. */
    INSURANCE
}
