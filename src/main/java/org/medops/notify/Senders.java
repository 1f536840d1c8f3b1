package org.medops.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.medops.shared.Secrets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks each target's protocol: WeCom group robot and DingTalk custom robot markdown messages
 * (DingTalk signed with HmacSHA256 over "timestamp\nsecret"), SMTP mail, and a generic JSON webhook.
 * A robot that answers HTTP 200 with a non-zero {@code errcode} counts as a failure.
 */
@Component
class Senders {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final Secrets secrets;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String mailFrom;

    Senders(JsonMapper json, Secrets secrets, ObjectProvider<JavaMailSender> mail, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${medops.notify.mail-from:medops@localhost}") String mailFrom) {
        this.json = json;
        this.secrets = secrets;
        this.mail = mail;
        this.clock = clock;
        this.mailFrom = mailFrom;
    }

    void send(Target target, Message message) throws IOException, InterruptedException {
        switch (target.kind()) {
            case WECOM -> robot(URI.create(target.address()), wecom(message));
            case DINGTALK -> robot(dingTalkUri(target), dingTalk(message));
            case WEBHOOK -> post(URI.create(target.address()), webhook(message));
            case EMAIL -> email(target, message);
        }
    }

    private String wecom(Message message) {
        ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", "**" + message.title() + "**\n" + message.text());
        return json.writeValueAsString(body);
    }

    private String dingTalk(Message message) {
        ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", message.title()).put("text", "#### " + message.title() + "\n" + message.text());
        return json.writeValueAsString(body);
    }

    private String webhook(Message message) {
        return json.writeValueAsString(json.createObjectNode().put("title", message.title()).put("text", message.text())
                .put("severity", message.severity()).put("reference", message.reference()));
    }

    /** DingTalk's signature: Base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
    URI dingTalkUri(Target target) {
        if (target.sealedSecret() == null) {
            return URI.create(target.address());
        }
        String secret = secrets.open(target.sealedSecret());
        String timestamp = Long.toString(clock.millis());
        String sign = URLEncoder.encode(dingTalkSign(secret, timestamp), StandardCharsets.UTF_8);
        String separator = target.address().contains("?") ? "&" : "?";
        return URI.create(target.address() + separator + "timestamp=" + timestamp + "&sign=" + sign);
    }

    static String dingTalkSign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void robot(URI uri, String body) throws IOException, InterruptedException {
        String answer = post(uri, body);
        if (answer != null && answer.contains("\"errcode\"") && !answer.matches("(?s).*\"errcode\"\\s*:\\s*0\\b.*")) {
            throw new IOException("robot refused the message: " + answer);
        }
    }

    private String post(URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    private void email(Target target, Message message) throws IOException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IOException("smtp-not-configured") /* a message key: the console names the missing spring.mail.host */;
        }
        SimpleMailMessage mailMessage = new SimpleMailMessage();
        mailMessage.setFrom(mailFrom);
        mailMessage.setTo(target.address().split("\\s*,\\s*"));
        mailMessage.setSubject("[MedOps] " + message.title());
        mailMessage.setText(message.text());
        try {
            sender.send(mailMessage);
        } catch (org.springframework.mail.MailException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
