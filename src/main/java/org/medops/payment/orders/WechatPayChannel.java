package org.medops.payment.orders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.jsapi.JsapiService;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.medops.payment.merchants.MerchantCredentials;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay API v3 through its official SDK ({@code wechatpay-java}), keyed with the merchant's public-key mode
 * (merchant private key + serial, platform public key + ID, APIv3 key). The merchant's {@code apiBaseUrl} moves the
 * SDK's fixed host to the sandbox; every other byte — signatures, verification, decryption — is the production path.
 */
@Component
class WechatPayChannel {

    static final String PRODUCTION = "https://api.mch.weixin.qq.com";

    record Prepared(String prepayId, String codeUrl) {
    }

    /** The channel's view of an order. */
    record ChannelTrade(String outTradeNo, String state, String transactionId, Instant successTime, long totalFen) {
        boolean paid() {
            return "SUCCESS".equals(state) || "REFUND".equals(state);
        }
    }

    record ChannelRefund(String outTradeNo, String outRefundNo, String refundId, String status, Instant successTime,
                         long refundFen) {
    }

    /** The headers a WeChat Pay notification is signed with. */
    record SignedNotification(String serial, String timestamp, String nonce, String signature, String signatureType,
                              String body) {
    }

    Prepared prepay(MerchantCredentials c, PaymentOrder order, String notifyUrl) {
        HttpClient http = http(c);
        return call(() -> {
            if ("NATIVE".equals(order.tradeType())) {
                var request = new com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest();
                request.setAppid(c.merchant().appId());
                request.setMchid(c.merchant().mchId());
                request.setDescription(order.description());
                request.setOutTradeNo(order.outTradeNo());
                request.setNotifyUrl(notifyUrl);
                request.setTimeExpire(expire(order));
                var amount = new com.wechat.pay.java.service.payments.nativepay.model.Amount();
                amount.setTotal((int) order.amountFen());
                amount.setCurrency("CNY");
                request.setAmount(amount);
                return new Prepared(null, new NativePayService.Builder().httpClient(http).build().prepay(request)
                        .getCodeUrl());
            }
            var request = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
            request.setAppid(c.merchant().appId());
            request.setMchid(c.merchant().mchId());
            request.setDescription(order.description());
            request.setOutTradeNo(order.outTradeNo());
            request.setNotifyUrl(notifyUrl);
            request.setTimeExpire(expire(order));
            var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
            amount.setTotal((int) order.amountFen());
            amount.setCurrency("CNY");
            request.setAmount(amount);
            var payer = new com.wechat.pay.java.service.payments.jsapi.model.Payer();
            payer.setOpenid(order.payerId());
            request.setPayer(payer);
            return new Prepared(new JsapiService.Builder().httpClient(http).build().prepay(request).getPrepayId(),
                    null);
        });
    }

    /** The order as the channel knows it; empty if the channel never saw it (ORDER_NOT_EXIST). */
    Optional<ChannelTrade> query(MerchantCredentials c, String outTradeNo) {
        try {
            return Optional.of(call(() -> {
                QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
                request.setMchid(c.merchant().mchId());
                request.setOutTradeNo(outTradeNo);
                return trade(new JsapiService.Builder().httpClient(http(c)).build().queryOrderByOutTradeNo(request));
            }));
        } catch (ChannelException e) {
            if ("ORDER_NOT_EXIST".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void close(MerchantCredentials c, String outTradeNo) {
        call(() -> {
            CloseOrderRequest request = new CloseOrderRequest();
            request.setMchid(c.merchant().mchId());
            request.setOutTradeNo(outTradeNo);
            new JsapiService.Builder().httpClient(http(c)).build().closeOrder(request);
            return null;
        });
    }

    ChannelRefund refund(MerchantCredentials c, PaymentOrder order, PaymentRefund refund, String notifyUrl) {
        return call(() -> {
            CreateRequest request = new CreateRequest();
            request.setOutTradeNo(order.outTradeNo());
            request.setOutRefundNo(refund.outRefundNo());
            request.setReason(refund.reason());
            request.setNotifyUrl(notifyUrl);
            AmountReq amount = new AmountReq();
            amount.setRefund(refund.amountFen());
            amount.setTotal(order.amountFen());
            amount.setCurrency("CNY");
            request.setAmount(amount);
            return refund(new RefundService.Builder().httpClient(http(c)).build().create(request));
        });
    }

    ChannelRefund queryRefund(MerchantCredentials c, String outRefundNo) {
        return call(() -> {
            QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
            request.setOutRefundNo(outRefundNo);
            return refund(new RefundService.Builder().httpClient(http(c)).build().queryByOutRefundNo(request));
        });
    }

    /** Verifies the signature with the platform key and decrypts the resource with the APIv3 key. */
    ChannelTrade parseTrade(MerchantCredentials c, SignedNotification n) {
        return trade(parser(c).parse(param(n), Transaction.class));
    }

    ChannelRefund parseRefund(MerchantCredentials c, SignedNotification n) {
        RefundNotification r = parser(c).parse(param(n), RefundNotification.class);
        return new ChannelRefund(r.getOutTradeNo(), r.getOutRefundNo(), r.getRefundId(),
                r.getRefundStatus() == null ? null : r.getRefundStatus().name(), time(r.getSuccessTime()),
                r.getAmount() == null || r.getAmount().getRefund() == null ? 0 : r.getAmount().getRefund());
    }

    /** Whether a failure to parse is the sender's fault (bad signature, bad body) rather than ours. */
    static boolean rejected(RuntimeException e) {
        return e instanceof ValidationException || e instanceof MalformedMessageException
                || e instanceof IllegalArgumentException;
    }

    private static NotificationParser parser(MerchantCredentials c) {
        return new NotificationParser(new RSAPublicKeyNotificationConfig.Builder()
                .publicKey(c.platformPublicKeyPem()).publicKeyId(c.platformKeyId()).apiV3Key(c.apiV3Key()).build());
    }

    private static RequestParam param(SignedNotification n) {
        return new RequestParam.Builder().serialNumber(n.serial()).timestamp(n.timestamp()).nonce(n.nonce())
                .signature(n.signature()).signType(n.signatureType() == null ? "WECHATPAY2-SHA256-RSA2048"
                        : n.signatureType()).body(n.body()).build();
    }

    private static ChannelTrade trade(Transaction t) {
        return new ChannelTrade(t.getOutTradeNo(), t.getTradeState() == null ? null : t.getTradeState().name(),
                t.getTransactionId(), time(t.getSuccessTime()),
                t.getAmount() == null || t.getAmount().getTotal() == null ? 0 : t.getAmount().getTotal());
    }

    private static ChannelRefund refund(Refund r) {
        return new ChannelRefund(r.getOutTradeNo(), r.getOutRefundNo(), r.getRefundId(),
                r.getStatus() == null ? null : r.getStatus().name(), time(r.getSuccessTime()),
                r.getAmount() == null || r.getAmount().getRefund() == null ? 0 : r.getAmount().getRefund());
    }

    private static Instant time(String rfc3339) {
        return rfc3339 == null || rfc3339.isBlank() ? null : OffsetDateTime.parse(rfc3339).toInstant();
    }

    private static String expire(PaymentOrder order) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
                .format(order.expiresAt().atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    private static HttpClient http(MerchantCredentials c) {
        Config config = new RSAPublicKeyConfig.Builder()
                .merchantId(c.merchant().mchId())
                .privateKey(c.privateKeyPem())
                .merchantSerialNumber(c.merchantSerial())
                .publicKey(c.platformPublicKeyPem())
                .publicKeyId(c.platformKeyId())
                .apiV3Key(c.apiV3Key())
                .build();
        OkHttpClient.Builder ok = new OkHttpClient.Builder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).readTimeout(java.time.Duration.ofSeconds(10));
        // Header names are case-insensitive, the SDK's look-up is not: give them their canonical spelling.
        ok.addInterceptor(chain -> {
            okhttp3.Response response = chain.proceed(chain.request());
            okhttp3.Headers.Builder headers = new okhttp3.Headers.Builder();
            for (kotlin.Pair<? extends String, ? extends String> header : response.headers()) {
                headers.add(canonical(header.getFirst()), header.getSecond());
            }
            return response.newBuilder().headers(headers.build()).build();
        });
        String base = c.apiBaseUrl();
        if (base != null && !base.isBlank() && !base.startsWith(PRODUCTION)) {
            HttpUrl target = HttpUrl.get(base);
            // The SDK addresses api.mch.weixin.qq.com; the merchant's base URL (the sandbox) answers instead.
            ok.addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                    .url(chain.request().url().newBuilder().scheme(target.scheme()).host(target.host())
                            .port(target.port()).build()).build()));
        }
        return new DefaultHttpClientBuilder().config(config).okHttpClient(ok.build()).build();
    }

    /** {@code wechatpay-timestamp} → {@code Wechatpay-Timestamp}. */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char ch : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
            upper = ch == '-';
        }
        return out.toString();
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ServiceException e) {
            throw new ChannelException(e.getErrorCode() == null ? "HTTP_" + e.getHttpStatusCode() : e.getErrorCode(),
                    e.getErrorMessage() == null ? "" : e.getErrorMessage());
        } catch (HttpException e) {
            throw new ChannelException(ChannelException.UNREACHABLE, e.getMessage());
        } catch (ValidationException | MalformedMessageException e) {
            throw new ChannelException("ANSWER_UNVERIFIED", e.getMessage());
        }
    }
}
