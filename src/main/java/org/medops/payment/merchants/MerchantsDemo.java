package org.medops.payment.merchants;

import org.medops.payment.MerchantMode;
import org.medops.payment.PaymentChannel;
import org.medops.payment.sandbox.WechatPaySandbox;
import org.medops.shared.DemoData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's two merchant numbers: the outpatient WeChat Pay merchant, enrolled in the local sandbox with its keys, so
 * channels can pay for real against it, and the inpatient-deposit Alipay merchant (registered, keys to follow), with
 * their routing rules. Before the orders and reconciliation demos, which use them.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class MerchantsDemo implements DemoData {

    static final String WECHAT = "wx-mz";
    static final String ALIPAY = "ali-zy";
    private static final String BY = "admin";

    private final MerchantRegistry registry;
    private final MerchantKeys keys;
    private final MerchantRouting routing;
    private final ObjectProvider<WechatPaySandbox> sandbox;

    MerchantsDemo(MerchantRegistry registry, MerchantKeys keys, MerchantRouting routing,
                  ObjectProvider<WechatPaySandbox> sandbox) {
        this.registry = registry;
        this.keys = keys;
        this.routing = routing;
        this.sandbox = sandbox;
    }

    @Override
    public String name() {
        return "payment merchants";
    }

    @Override
    public void seed() {
        WechatPaySandbox channel = sandbox.getIfAvailable();
        if (registry.byCode(WECHAT).isEmpty() && channel != null) {
            String mchId = "1900000109";
            registry.register(WECHAT, new Merchant.Details("门诊微信支付", PaymentChannel.WECHAT, mchId,
                    MerchantMode.DIRECT, null, "wx8888888888888888", channel.baseUrl()), BY);
            WechatPaySandbox.Enrollment enrolled = channel.enroll(mchId);
            keys.upload(WECHAT, new MerchantKeys.Upload(KeyKind.API_V3_KEY, enrolled.apiV3Key(), null, null, null), BY);
            keys.upload(WECHAT, new MerchantKeys.Upload(KeyKind.MERCHANT_PRIVATE_KEY, enrolled.merchantPrivateKeyPem(),
                    enrolled.merchantSerial(), null, null), BY);
            keys.upload(WECHAT, new MerchantKeys.Upload(KeyKind.PLATFORM_PUBLIC_KEY, enrolled.platformPublicKeyPem(),
                    enrolled.platformKeyId(), null, null), BY);
            routing.putRoute(PaymentChannel.WECHAT, "本部", null, null, WECHAT, BY);
        }
        if (registry.byCode(ALIPAY).isEmpty()) {
            registry.register(ALIPAY, new Merchant.Details("住院押金支付宝", PaymentChannel.ALIPAY, "2088102146225135",
                    MerchantMode.DIRECT, null, "2021000117650000", null), BY);
            routing.putRoute(PaymentChannel.ALIPAY, null, null, "DEPOSIT", ALIPAY, BY);
        }
    }
}
