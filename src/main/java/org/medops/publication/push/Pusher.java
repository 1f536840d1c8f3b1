package org.medops.publication.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import org.medops.catalog.Catalog;
import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.medops.publication.subscriptions.ActiveSubscription;
import org.medops.publication.subscriptions.SubscriptionDesk;
import org.medops.publication.subscriptions.Usage;
import org.medops.publication.topics.PublishedRecords;
import org.medops.publication.topics.PublishedVersion;
import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the head of each subscription's queue: signed POST, 2xx delivers it, anything else (or no answer) waits
 * the backoff and tries again. Queues are worked in parallel with a timeout each, so a channel that is down costs
 * only its own queue.
 */
@Component
class Pusher {

    private static final Logger log = LoggerFactory.getLogger(Pusher.class);

    private final Deliveries deliveries;
    private final SubscriptionDesk subscriptions;
    private final PublishedRecords records;
    private final Catalog catalog;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final PushSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService workers;

    Pusher(Deliveries deliveries, SubscriptionDesk subscriptions, PublishedRecords records, Catalog catalog,
           Notifications notifications, ApplicationEventPublisher events, TransactionTemplate transactions,
           JsonMapper json, PushSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.records = records;
        this.catalog = catalog;
        this.notifications = notifications;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.parallel()), r -> {
            Thread t = new Thread(r, "publication-push");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${medops.publication.push.interval:2s}")
    void round() {
        List<Future<?>> running = deliveries.dueSubscriptions(clock.instant()).stream()
                .map(id -> workers.submit(() -> pushHead(id))).<Future<?>>map(f -> f).toList();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("publication push round failed: {}", e.toString());
            }
        }
    }

    private void pushHead(long subscriptionId) {
        transactions.executeWithoutResult(status -> {
            if (!deliveries.lock(subscriptionId)) {
                return;
            }
            Optional<Delivery> head = deliveries.head(subscriptionId);
            if (head.isEmpty() || head.get().nextAttemptAt().isAfter(clock.instant())) {
                return;
            }
            Optional<ActiveSubscription> subscription = subscriptions.activeById(subscriptionId);
            if (subscription.isEmpty()) {
                if (subscriptions.over(subscriptionId)) {
                    deliveries.drop(subscriptionId);
                }
                return; // suspended: the queue waits for the owner to resume it
            }
            attempt(head.get(), subscription.get());
        });
    }

    private void attempt(Delivery delivery, ActiveSubscription subscription) {
        PublishedVersion version = records.version(delivery.version()).orElseThrow();
        List<String> allowed = version.topic().publishableFields().stream().filter(subscription.fields()::contains)
                .toList();
        String body = json.writeValueAsString(new PushPayload(delivery.id(), subscription.channelCode(),
                version.topic().path(), version.version(), version.key(), version.removed(),
                version.removed() ? new java.util.TreeMap<>() : version.fields().only(allowed).values()));
        Instant started = clock.instant();
        Integer status = null;
        String error = null;
        try {
            String timestamp = Long.toString(started.toEpochMilli());
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.webhookUrl()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("X-MedOps-Channel", subscription.channelCode())
                    .header("X-MedOps-Delivery", Long.toString(delivery.id()))
                    .header("X-MedOps-Version", Long.toString(version.version()))
                    .header("X-MedOps-Timestamp", timestamp)
                    .header("X-MedOps-Signature", "hmac-sha256=" + sign(subscription.channelCode(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Instant ended = clock.instant();
        int millis = (int) Math.max(0, ended.toEpochMilli() - started.toEpochMilli());
        deliveries.log(new Delivery.Attempt(delivery.id(), started, status, shorten(error), millis));
        if (error == null) {
            deliveries.delivered(delivery.id(), ended);
            subscriptions.recordUsage(new Usage(subscription.id(), Usage.Kind.PUSH, null, version.version(), 1, ended));
            if (deliveries.clearAlerted(subscription.id())) {
                alert(subscription, "publication.push.recovered", "数据推送已恢复",
                        "渠道 " + subscription.channelCode() + " 的数据推送已恢复。", "INFO");
            }
            return;
        }
        int failures = delivery.attempts() + 1;
        deliveries.failed(delivery.id(), shorten(error), ended.plus(settings.backoff(failures)));
        if (failures >= settings.alertAfter() && deliveries.markAlerted(subscription.id(), ended)) {
            alert(subscription, "publication.push.down", "数据推送中断",
                    "渠道 " + subscription.channelCode() + " 的推送地址连续 " + failures + " 次未应答（" + shorten(error)
                            + "），版本 " + version.version() + " 起的数据在排队重试。", "WARNING");
        }
    }

    private void alert(ActiveSubscription subscription, String action, String title, String text, String severity) {
        events.publishEvent(new PushAudit(action, String.valueOf(subscription.id()),
                List.of(FieldChange.set("channel", subscription.channelCode()))));
        notifications.send(notifications.targets().stream().filter(Notifications.TargetSummary::enabled)
                .map(Notifications.TargetSummary::id).toList(),
                new Message(title, text, severity, "publication-subscription:" + subscription.id()));
    }

    private String sign(String channel, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(catalog.signingSecret(channel).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String shorten(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    record PushAudit(String action, String targetId, List<FieldChange> changes) implements AuditableEvent {
        @Override
        public String targetType() {
            return "publication-subscription";
        }
    }
}
