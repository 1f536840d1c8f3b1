package org.medops.payment.orders;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.payment.merchants.MerchantCredentials;
import org.medops.payment.merchants.PaymentMerchants;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where WeChat Pay posts its notifications (支付通知, 退款通知). Not a person's page and not a gateway call: the
 * notification's own signature (platform key) and encryption (APIv3 key) are its authentication, checked before
 * anything is applied. Every notification is recorded, also the rejected and the unknown; the answer tells the channel
 * to stop retrying only when it was understood.
 */
@RestController
@ConditionalOnWebApplication
class ChannelNotificationEndpoint {

    static final String PATH = "/payment-notify/";
    private static final Logger log = LoggerFactory.getLogger(ChannelNotificationEndpoint.class);
    private final OrderDesk desk;
    private final PaymentMerchants merchants;
    private final WechatPayChannel wechat;

    ChannelNotificationEndpoint(OrderDesk desk, PaymentMerchants merchants, WechatPayChannel wechat) {
        this.desk = desk;
        this.merchants = merchants;
        this.wechat = wechat;
    }

    @PostMapping(value = PATH + "wechat/{merchant}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> payment(@PathVariable String merchant, HttpServletRequest request,
                                   @RequestBody(required = false) String body) {
        return handle(merchant, request, body, false);
    }

    @PostMapping(value = PATH + "wechat/{merchant}/refund", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> refund(@PathVariable String merchant, HttpServletRequest request,
                                  @RequestBody(required = false) String body) {
        return handle(merchant, request, body, true);
    }

    private ResponseEntity<String> handle(String merchant, HttpServletRequest request, String body, boolean refund) {
        MerchantCredentials credentials;
        try {
            credentials = merchants.credentials(merchant);
        } catch (ProblemException e) {
            desk.rejectedNotification(null, "unknown merchant " + merchant.substring(0, Math.min(32, merchant.length())));
            return fail(404, "商户不存在");
        }
        WechatPayChannel.SignedNotification signed = new WechatPayChannel.SignedNotification(
                request.getHeader("Wechatpay-Serial"), request.getHeader("Wechatpay-Timestamp"),
                request.getHeader("Wechatpay-Nonce"), request.getHeader("Wechatpay-Signature"),
                request.getHeader("Wechatpay-Signature-Type"), body == null ? "" : body);
        if (!fresh(signed.timestamp())) {
            desk.rejectedNotification(merchant, "timestamp outside 5 minutes");
            return fail(401, "时间戳过期");
        }
        String notificationId = notificationId(body);
        try {
            String outcome = refund
                    ? desk.applyRefund(merchant, notificationId, wechat.parseRefund(credentials, signed))
                    : desk.applyTrade(merchant, notificationId, wechat.parseTrade(credentials, signed));
            log.debug("payment notification {} for {}: {}", notificationId, merchant, outcome);
            return ResponseEntity.noContent().build();
        } catch (RuntimeException e) {
            if (WechatPayChannel.rejected(e) || e.getClass().getName().startsWith("com.google.gson")) {
                desk.rejectedNotification(merchant, "signature or body rejected");
                return fail(401, "签名验证失败");
            }
            throw e;
        }
    }

    private static boolean fresh(String timestamp) {
        try {
            return Math.abs(java.time.Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String notificationId(String body) {
        if (body == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]{1,64})\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** WeChat Pay's expected failure answer; it retries on anything but 2xx. */
    private static ResponseEntity<String> fail(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\":\"FAIL\",\"message\":\"" + message + "\"}");
    }
}
