package org.medops.payment;

/**
 * A merchant number as other features see it: never its keys.
 *
 * @param mchId    the merchant number the channel knows; in service-provider mode the provider's {@code sp_mchid}
 * @param subMchId the hospital's {@code sub_mchid} in service-provider mode, else null
 * @param appId    the app ID orders are made under (公众号 / 小程序 / 支付宝应用), null when not registered yet
 */
public record MerchantView(String code, String name, PaymentChannel channel, String mchId, MerchantMode mode,
                           String subMchId, String appId, MerchantStatus status) {
}
