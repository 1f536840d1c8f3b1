package org.medops.payment.sandbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * WeChat Pay API v3 on a local port: checks each request's {@code WECHATPAY2-SHA256-RSA2048} signature against the
 * enrolled merchant's key, signs every answer with its platform key ({@code Wechatpay-Serial} = the public key ID),
 * and notifies with {@code AEAD_AES_256_GCM} resources under the merchant's APIv3 key. Orders live in memory; the
 * platform key and the enrolled merchants are kept in the data directory.
 */
@Component
// On in demo mode unless turned off; never in production.
@ConditionalOnExpression("${medops.payment.sandbox.enabled:${medops.demo:false}}")
@EnableConfigurationProperties(SandboxSettings.class)
public class WechatPaySandbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WechatPaySandbox.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern AUTH = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern TRADE_PATH = Pattern.compile(
            "/v3/pay(/partner)?/transactions/out-trade-no/([^/?]+)(/close)?");
    private static final Pattern REFUND_PATH = Pattern.compile("/v3/refund/domestic/refunds/([^/?]+)");

    private final SandboxSettings settings;
    private final Path directory;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Enrolled> merchants = new ConcurrentHashMap<>();
    private final Map<String, SandboxTrade> trades = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bills = new ConcurrentHashMap<>();
    private final java.util.Set<String> lost = ConcurrentHashMap.newKeySet();
    private final ExecutorService notifier = Executors.newFixedThreadPool(8, r -> {
        Thread thread = new Thread(r, "payment-sandbox-notify");
        thread.setDaemon(true);
        return thread;
    });
    private KeyPair platform;
    private String platformKeyId;
    private HttpServer server;

    /** What a merchant gets when it is enrolled: its API key pair and certificate serial, the platform's public key. */
    public record Enrollment(String mchId, String merchantPrivateKeyPem, String merchantSerial, String apiV3Key,
                             String platformPublicKeyPem, String platformKeyId) {
        @Override
        public String toString() {
            return "Enrollment[" + mchId + "]";
        }
    }

    private record Enrolled(PublicKey publicKey, String serial, String apiV3Key) {
    }

    WechatPaySandbox(SandboxSettings settings, @Value("${medops.db.data-dir:./data}") Path dataDir) {
        this.settings = settings;
        this.directory = dataDir.resolve("payment-sandbox");
    }

    @Override
    public void start() {
        platform = SandboxKeys.platform(directory);
        platformKeyId = "PUB_KEY_ID_" + fingerprint(platform.getPublic().getEncoded()).substring(0, 24).toUpperCase();
        loadMerchants();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.port()), 64);
        } catch (IOException e) {
            throw new IllegalStateException("payment sandbox cannot listen on port " + settings.port(), e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        log.info("WeChat Pay sandbox listening on {}", baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100; // up before the order desk's pollers, down after them
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Enrols a merchant number as the merchant platform would: a new API key pair, an APIv3 key. */
    public synchronized Enrollment enroll(String mchId) {
        KeyPair merchant = SandboxKeys.generate();
        String serial = fingerprint(merchant.getPublic().getEncoded()).substring(0, 40).toUpperCase();
        String apiV3Key = SandboxKeys.nonce(32);
        merchants.put(mchId, new Enrolled(merchant.getPublic(), serial, apiV3Key));
        saveMerchant(mchId, merchant.getPublic(), serial, apiV3Key);
        return new Enrollment(mchId, SandboxKeys.pem("PRIVATE KEY", merchant.getPrivate().getEncoded()), serial,
                apiV3Key, SandboxKeys.pem("PUBLIC KEY", platform.getPublic().getEncoded()), platformKeyId);
    }

    /** The payer pays (scans the code, confirms in the mini-program); the channel then notifies once. */
    public boolean pay(String outTradeNo) {
        SandboxTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            return false;
        }
        synchronized (trade) {
            if (trade.state != SandboxTrade.State.NOTPAY) {
                return false;
            }
            trade.state = SandboxTrade.State.SUCCESS;
            trade.transactionId = "42" + System.currentTimeMillis() + SandboxKeys.nonce(6).replaceAll("[A-Z]", "7");
            trade.successTime = Instant.now();
        }
        if (!lost.contains(outTradeNo)) {
            notifier.submit(() -> deliver(trade.notifyUrl, tradeNotification(trade)));
        }
        return true;
    }

    /** The order's payment notification will be lost on the way, as happens: only a query finds the payment. */
    public void dropNotifications(String outTradeNo) {
        lost.add(outTradeNo);
    }

    /**
     * Sends the paid order's notification {@code times} times at once, as a channel does that retries while the first
     * is still being handled; answers the HTTP statuses the platform gave.
     */
    public List<Integer> notifyRepeatedly(String outTradeNo, int times) throws InterruptedException {
        SandboxTrade trade = trades.get(outTradeNo);
        if (trade == null || trade.state == SandboxTrade.State.NOTPAY) {
            throw new IllegalStateException("not paid: " + outTradeNo);
        }
        List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(notifier.submit(() -> send(trade.notifyUrl, tradeNotification(trade))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var future : sent) {
            try {
                statuses.add(future.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                statuses.add(-1);
            }
        }
        return statuses;
    }

    /** The sandbox's view of an order's state ({@code NOTPAY}, {@code SUCCESS}, …), empty if it never saw it. */
    public Optional<String> state(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo)).map(t -> t.state.name());
    }

    /** How much the sandbox refunded on the order, in fen. */
    public long refunded(String outTradeNo) {
        SandboxTrade trade = trades.get(outTradeNo);
        return trade == null ? 0 : trade.refunded();
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/sandbox/pay/") && "POST".equals(method)) {
                boolean paid = pay(path.substring("/sandbox/pay/".length()));
                answer(exchange, paid ? 204 : 404, "");
                return;
            }
            if (path.equals("/v3/billdownload/file")) {
                byte[] bill = bills.get(query(exchange, "token"));
                if (bill == null) {
                    error(exchange, 404, "RESOURCE_NOT_EXISTS", "账单不存在");
                    return;
                }
                String caller = caller(exchange, body);
                if (caller == null) {
                    error(exchange, 401, "SIGN_ERROR", "签名错误");
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
                exchange.sendResponseHeaders(200, bill.length);
                exchange.getResponseBody().write(bill);
                return;
            }
            String caller = caller(exchange, body);
            if (caller == null) {
                error(exchange, 401, "SIGN_ERROR", "签名错误");
                return;
            }
            route(exchange, method, path, body, caller);
        } catch (RuntimeException e) {
            log.warn("payment sandbox could not answer {}: {}", exchange.getRequestURI(), e.toString());
            error(exchange, 500, "SYSTEM_ERROR", "系统错误");
        }
    }

    private void route(HttpExchange exchange, String method, String path, String body, String caller)
            throws IOException {
        Matcher tradePath = TRADE_PATH.matcher(path);
        Matcher refundPath = REFUND_PATH.matcher(path);
        if ("POST".equals(method) && path.matches("/v3/pay(/partner)?/transactions/(jsapi|native)")) {
            create(exchange, caller, path.endsWith("jsapi") ? "JSAPI" : "NATIVE", json.readTree(body));
        } else if (tradePath.matches() && tradePath.group(3) == null && "GET".equals(method)) {
            SandboxTrade trade = trades.get(tradePath.group(2));
            if (trade == null || !trade.mchId.equals(caller)) {
                error(exchange, 404, "ORDER_NOT_EXIST", "订单不存在");
            } else {
                synchronized (trade) {
                    signed(exchange, 200, transaction(trade).toString());
                }
            }
        } else if (tradePath.matches() && tradePath.group(3) != null && "POST".equals(method)) {
            close(exchange, caller, tradePath.group(2));
        } else if ("POST".equals(method) && path.equals("/v3/refund/domestic/refunds")) {
            refund(exchange, caller, json.readTree(body));
        } else if (refundPath.matches() && "GET".equals(method)) {
            String outRefundNo = refundPath.group(1);
            Optional<SandboxTrade> trade = trades.values().stream().filter(t -> t.mchId.equals(caller))
                    .filter(t -> t.refunds.stream().anyMatch(r -> r.outRefundNo.equals(outRefundNo))).findFirst();
            if (trade.isEmpty()) {
                error(exchange, 404, "RESOURCE_NOT_EXISTS", "退款单不存在");
            } else {
                synchronized (trade.get()) {
                    SandboxTrade.Refund refund = trade.get().refunds.stream()
                            .filter(r -> r.outRefundNo.equals(outRefundNo)).findFirst().orElseThrow();
                    signed(exchange, 200, refundJson(trade.get(), refund).toString());
                }
            }
        } else if ("GET".equals(method) && path.equals("/v3/bill/tradebill")) {
            tradeBill(exchange, caller, query(exchange, "bill_date"));
        } else {
            error(exchange, 404, "NOT_FOUND", "接口不存在");
        }
    }

    private void create(HttpExchange exchange, String caller, String tradeType, JsonNode request) throws IOException {
        boolean partner = request.has("sp_mchid");
        String mchId = text(request, partner ? "sp_mchid" : "mchid");
        String outTradeNo = text(request, "out_trade_no");
        long total = request.path("amount").path("total").asLong(0);
        String notifyUrl = text(request, "notify_url");
        String openId = request.path("payer").path(partner ? "sp_openid" : "openid").asString(null);
        if (!caller.equals(mchId) || outTradeNo == null || total <= 0 || notifyUrl == null
                || text(request, "description") == null || ("JSAPI".equals(tradeType) && openId == null)) {
            error(exchange, 400, "PARAM_ERROR", "参数错误");
            return;
        }
        SandboxTrade created = new SandboxTrade(mchId, partner ? text(request, "sub_mchid") : null,
                text(request, partner ? "sp_appid" : "appid"), outTradeNo, tradeType, text(request, "description"),
                total, openId, notifyUrl, Instant.now(), "wx" + SandboxKeys.nonce(30).toLowerCase());
        SandboxTrade existing = trades.putIfAbsent(outTradeNo, created);
        SandboxTrade trade = existing == null ? created : existing;
        if (existing != null && (existing.total != total || existing.state != SandboxTrade.State.NOTPAY)) {
            error(exchange, 400, existing.state == SandboxTrade.State.NOTPAY ? "INVALID_REQUEST" : "ORDERPAID",
                    existing.state == SandboxTrade.State.NOTPAY ? "订单号重复" : "该订单已支付");
            return;
        }
        ObjectNode answer = json.createObjectNode();
        if ("JSAPI".equals(tradeType)) {
            answer.put("prepay_id", trade.prepayId);
        } else {
            answer.put("code_url", "weixin://wxpay/bizpayurl?pr=" + trade.prepayId.substring(2, 12));
        }
        signed(exchange, 200, answer.toString());
    }

    private void close(HttpExchange exchange, String caller, String outTradeNo) throws IOException {
        SandboxTrade trade = trades.get(outTradeNo);
        if (trade == null || !trade.mchId.equals(caller)) {
            error(exchange, 404, "ORDER_NOT_EXIST", "订单不存在");
            return;
        }
        synchronized (trade) {
            if (trade.state == SandboxTrade.State.SUCCESS || trade.state == SandboxTrade.State.REFUND) {
                error(exchange, 400, "ORDERPAID", "订单已支付");
                return;
            }
            trade.state = SandboxTrade.State.CLOSED;
        }
        signed(exchange, 204, "");
    }

    private void refund(HttpExchange exchange, String caller, JsonNode request) throws IOException {
        String outTradeNo = text(request, "out_trade_no");
        String outRefundNo = text(request, "out_refund_no");
        long amount = request.path("amount").path("refund").asLong(0);
        long total = request.path("amount").path("total").asLong(0);
        SandboxTrade trade = outTradeNo == null ? null : trades.get(outTradeNo);
        if (trade == null || !trade.mchId.equals(caller)) {
            error(exchange, 404, "RESOURCE_NOT_EXISTS", "订单不存在");
            return;
        }
        SandboxTrade.Refund refund;
        synchronized (trade) {
            Optional<SandboxTrade.Refund> same = trade.refunds.stream()
                    .filter(r -> r.outRefundNo.equals(outRefundNo)).findFirst();
            if (same.isPresent()) {
                // WeChat Pay answers a resubmitted refund number with the refund it already has.
                signed(exchange, 200, refundJson(trade, same.get()).toString());
                return;
            }
            if (outRefundNo == null || amount <= 0 || total != trade.total) {
                error(exchange, 400, "PARAM_ERROR", "参数错误");
                return;
            }
            if (trade.state == SandboxTrade.State.NOTPAY || trade.state == SandboxTrade.State.CLOSED) {
                error(exchange, 403, "TRADE_ERROR", "订单未支付");
                return;
            }
            if (trade.refunded() + amount > trade.total) {
                error(exchange, 400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
                return;
            }
            refund = new SandboxTrade.Refund(outRefundNo, "50" + System.nanoTime(), amount, text(request, "reason"),
                    text(request, "notify_url"), Instant.now());
            trade.refunds.add(refund);
            trade.state = SandboxTrade.State.REFUND;
            signed(exchange, 200, refundJson(trade, refund).toString());
        }
        notifier.submit(() -> {
            try {
                Thread.sleep(settings.notifyDelayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (trade) {
                refund.status = "SUCCESS";
                refund.successTime = Instant.now();
            }
            if (refund.notifyUrl != null) {
                deliver(refund.notifyUrl, refundNotification(trade, refund));
            }
        });
    }

    private void tradeBill(HttpExchange exchange, String caller, String billDate) throws IOException {
        LocalDate date;
        try {
            date = LocalDate.parse(billDate == null ? "" : billDate);
        } catch (java.time.format.DateTimeParseException e) {
            error(exchange, 400, "PARAM_ERROR", "bill_date 格式错误");
            return;
        }
        byte[] bill = SandboxBill.render(caller, date, trades.values().stream().filter(t -> t.mchId.equals(caller))
                .sorted(Comparator.comparing(t -> t.createdAt)).toList(), CHINA);
        String token = UUID.randomUUID().toString();
        bills.put(token, bill);
        ObjectNode answer = json.createObjectNode();
        answer.put("hash_type", "SHA1");
        answer.put("hash_value", sha1(bill));
        answer.put("download_url", baseUrl() + "/v3/billdownload/file?token=" + token);
        signed(exchange, 200, answer.toString());
    }

    // ---- notifications ----------------------------------------------------------------------------------------------

    private String tradeNotification(SandboxTrade trade) {
        String plaintext;
        synchronized (trade) {
            plaintext = transaction(trade).toString();
        }
        return notification(trade.mchId, "TRANSACTION.SUCCESS", "transaction", "支付成功", plaintext);
    }

    private String refundNotification(SandboxTrade trade, SandboxTrade.Refund refund) {
        ObjectNode plain = json.createObjectNode();
        synchronized (trade) {
            plain.put("mchid", trade.mchId);
            if (trade.subMchId != null) {
                plain.put("sp_mchid", trade.mchId);
                plain.put("sub_mchid", trade.subMchId);
            }
            plain.put("out_trade_no", trade.outTradeNo);
            plain.put("transaction_id", trade.transactionId);
            plain.put("out_refund_no", refund.outRefundNo);
            plain.put("refund_id", refund.refundId);
            plain.put("refund_status", refund.status);
            plain.put("success_time", time(refund.successTime));
            ObjectNode amount = plain.putObject("amount");
            amount.put("total", trade.total);
            amount.put("refund", refund.amount);
            amount.put("payer_total", trade.total);
            amount.put("payer_refund", refund.amount);
        }
        return notification(trade.mchId, "REFUND." + refund.status, "refund", "退款成功", plain.toString());
    }

    private String notification(String mchId, String eventType, String originalType, String summary,
                                String plaintext) {
        Enrolled merchant = merchants.get(mchId);
        String nonce = SandboxKeys.nonce(12);
        ObjectNode body = json.createObjectNode();
        body.put("id", UUID.randomUUID().toString());
        body.put("create_time", time(Instant.now()));
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", eventType);
        body.put("summary", summary);
        ObjectNode resource = body.putObject("resource");
        resource.put("original_type", originalType);
        resource.put("algorithm", "AEAD_AES_256_GCM");
        resource.put("ciphertext", SandboxKeys.encrypt(merchant.apiV3Key(), originalType, nonce, plaintext));
        resource.put("associated_data", originalType);
        resource.put("nonce", nonce);
        return body.toString();
    }

    /** Delivers with the channel's own persistence: a few retries until the platform answers 2xx. */
    private void deliver(String url, String body) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int status = send(url, body);
            if (status >= 200 && status < 300) {
                return;
            }
            try {
                Thread.sleep(500L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int send(String url, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = SandboxKeys.nonce(32);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Wechatpay-Timestamp", timestamp).header("Wechatpay-Nonce", nonce)
                    .header("Wechatpay-Serial", platformKeyId)
                    .header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                    .header("Wechatpay-Signature", SandboxKeys.sign(platform.getPrivate(),
                            timestamp + "\n" + nonce + "\n" + body + "\n"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---- pieces -----------------------------------------------------------------------------------------------------

    private ObjectNode transaction(SandboxTrade trade) {
        ObjectNode node = json.createObjectNode();
        if (trade.subMchId != null) {
            node.put("sp_mchid", trade.mchId);
            node.put("sub_mchid", trade.subMchId);
            node.put("sp_appid", trade.appId);
        } else {
            node.put("mchid", trade.mchId);
            node.put("appid", trade.appId);
        }
        node.put("out_trade_no", trade.outTradeNo);
        node.put("trade_type", trade.tradeType);
        node.put("trade_state", trade.state.name());
        node.put("trade_state_desc", switch (trade.state) {
            case NOTPAY -> "未支付";
            case SUCCESS -> "支付成功";
            case CLOSED -> "已关闭";
            case REFUND -> "转入退款";
        });
        if (trade.transactionId != null) {
            node.put("transaction_id", trade.transactionId);
            node.put("bank_type", "OTHERS");
            node.put("success_time", time(trade.successTime));
            node.putObject("payer").put(trade.subMchId != null ? "sp_openid" : "openid", trade.openId);
        }
        ObjectNode amount = node.putObject("amount");
        amount.put("total", trade.total);
        amount.put("currency", "CNY");
        if (trade.transactionId != null) {
            amount.put("payer_total", trade.total);
            amount.put("payer_currency", "CNY");
        }
        return node;
    }

    private ObjectNode refundJson(SandboxTrade trade, SandboxTrade.Refund refund) {
        ObjectNode node = json.createObjectNode();
        node.put("refund_id", refund.refundId);
        node.put("out_refund_no", refund.outRefundNo);
        node.put("transaction_id", trade.transactionId);
        node.put("out_trade_no", trade.outTradeNo);
        node.put("channel", "ORIGINAL");
        node.put("user_received_account", "支付用户零钱");
        node.put("create_time", time(refund.createdAt));
        if (refund.successTime != null) {
            node.put("success_time", time(refund.successTime));
        }
        node.put("status", refund.status);
        node.put("funds_account", "AVAILABLE");
        ObjectNode amount = node.putObject("amount");
        amount.put("total", trade.total);
        amount.put("refund", refund.amount);
        amount.put("payer_total", trade.total);
        amount.put("payer_refund", refund.amount);
        amount.put("settlement_refund", refund.amount);
        amount.put("settlement_total", trade.total);
        amount.put("discount_refund", 0);
        amount.put("currency", "CNY");
        return node;
    }

    /** The calling merchant number if the Authorization header is signed by its enrolled key, else null. */
    private String caller(HttpExchange exchange, String body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return null;
        }
        Map<String, String> token = new java.util.HashMap<>();
        Matcher m = AUTH.matcher(authorization);
        while (m.find()) {
            token.put(m.group(1), m.group(2));
        }
        Enrolled merchant = merchants.get(token.getOrDefault("mchid", ""));
        if (merchant == null || !merchant.serial().equals(token.get("serial_no"))) {
            return null;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(token.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return null;
        }
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String message = exchange.getRequestMethod() + "\n" + uri + "\n" + timestamp + "\n" + token.get("nonce_str")
                + "\n" + body + "\n";
        return SandboxKeys.verify(merchant.publicKey(), message, token.getOrDefault("signature", ""))
                ? token.get("mchid") : null;
    }

    private void signed(HttpExchange exchange, int status, String body) throws IOException {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = SandboxKeys.nonce(32);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Request-ID", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("Wechatpay-Timestamp", timestamp);
        exchange.getResponseHeaders().set("Wechatpay-Nonce", nonce);
        exchange.getResponseHeaders().set("Wechatpay-Serial", platformKeyId);
        exchange.getResponseHeaders().set("Wechatpay-Signature",
                SandboxKeys.sign(platform.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("code", code);
        body.put("message", message);
        signed(exchange, status, body.toString());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    static String time(Instant instant) {
        return instant == null ? null : RFC3339.format(instant.atZone(CHINA));
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loadMerchants() {
        Path dir = directory.resolve("merchants");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                merchants.put(p.getProperty("mchid"), new Enrolled(SandboxKeys.publicKey(p.getProperty("publicKey")),
                        p.getProperty("serial"), p.getProperty("apiV3Key")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("sandbox merchants in " + dir, e);
        }
    }

    private void saveMerchant(String mchId, PublicKey publicKey, String serial, String apiV3Key) {
        Properties p = new Properties();
        p.setProperty("mchid", mchId);
        p.setProperty("publicKey", SandboxKeys.pem("PUBLIC KEY", publicKey.getEncoded()));
        p.setProperty("serial", serial);
        p.setProperty("apiV3Key", apiV3Key);
        try {
            Files.createDirectories(directory.resolve("merchants"));
            try (var out = Files.newBufferedWriter(directory.resolve("merchants").resolve(mchId + ".properties"))) {
                p.store(out, "payment sandbox merchant");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
