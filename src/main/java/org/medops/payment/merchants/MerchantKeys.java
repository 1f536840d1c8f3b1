package org.medops.payment.merchants;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploading and rotating a merchant's keys: each is checked for what it claims to be, sealed, and shown afterwards only
 * by kind, serial, expiry and fingerprint. An upload retires the key of that kind before it.
 */
@Service
class MerchantKeys {

    private final MerchantRegistry registry;
    private final MerchantKeyRecords keys;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MerchantKeys(MerchantRegistry registry, MerchantKeyRecords keys, Secrets secrets, ApplicationEventPublisher events,
                 Clock clock) {
        this.registry = registry;
        this.keys = keys;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param value       the key: 32 characters for the APIv3 key, else PEM
     * @param serial      the merchant certificate's serial or the platform key's ID; taken from {@code certificate}
     *                    when that is given
     * @param certificate the merchant's API certificate (PEM), optional: gives the serial and the expiry
     * @param expiresAt   when the key stops being valid if no certificate says so; optional
     */
    record Upload(KeyKind kind, String value, String serial, String certificate, Instant expiresAt) {
    }

    @Transactional
    MerchantKey upload(String code, Upload upload, String by) {
        Merchant merchant = registry.get(code);
        String value = upload.value() == null ? "" : upload.value().strip();
        String serial = blankToNull(upload.serial());
        Instant expiresAt = upload.expiresAt();
        if (upload.certificate() != null && !upload.certificate().isBlank()) {
            X509Certificate certificate = certificate(upload.certificate());
            serial = certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
            expiresAt = certificate.getNotAfter().toInstant();
        }
        byte[] material = check(upload.kind(), value);
        if ((upload.kind() == KeyKind.MERCHANT_PRIVATE_KEY || upload.kind() == KeyKind.PLATFORM_PUBLIC_KEY)
                && serial == null) {
            throw ProblemException.invalid("merchant-key-serial-required");
        }
        Instant now = clock.instant();
        keys.rotate(merchant.code(), upload.kind(), secrets.seal(value), serial, fingerprint(material), expiresAt, by,
                now);
        events.publishEvent(MerchantAudit.ofMerchant("payment-merchant.key", code, List.of(
                FieldChange.set("keyKind", upload.kind().name()), FieldChange.secret("key"),
                FieldChange.set("serial", serial), FieldChange.set("expiresAt", expiresAt))));
        return keys.of(code).stream().filter(k -> k.kind() == upload.kind() && k.retiredAt() == null).findFirst()
                .orElseThrow();
    }

    List<MerchantKey> of(String code) {
        registry.get(code);
        return keys.of(code);
    }

    /** The merchant's current keys opened for one channel call. */
    MerchantCredentials credentials(Merchant merchant) {
        String code = merchant.code();
        var apiV3 = keys.current(code, KeyKind.API_V3_KEY);
        var privateKey = keys.current(code, merchant.details().channel() == org.medops.payment.PaymentChannel.ALIPAY
                ? KeyKind.ALIPAY_APP_PRIVATE_KEY : KeyKind.MERCHANT_PRIVATE_KEY);
        var platform = keys.current(code, merchant.details().channel() == org.medops.payment.PaymentChannel.ALIPAY
                ? KeyKind.ALIPAY_PUBLIC_KEY : KeyKind.PLATFORM_PUBLIC_KEY);
        if (privateKey.isEmpty() || platform.isEmpty()) {
            throw ProblemException.conflict("merchant-keys-missing", code);
        }
        return new MerchantCredentials(merchant.view(), merchant.apiBaseUrl(),
                apiV3.map(k -> secrets.open(k.sealed())).orElse(null), secrets.open(privateKey.get().sealed()),
                privateKey.get().serial(), secrets.open(platform.get().sealed()), platform.get().serial());
    }

    private static byte[] check(KeyKind kind, String value) {
        try {
            return switch (kind) {
                case API_V3_KEY -> {
                    if (!value.matches("[\\x21-\\x7e]{32}")) {
                        throw ProblemException.invalid("merchant-key-apiv3-length");
                    }
                    yield value.getBytes(StandardCharsets.US_ASCII);
                }
                case MERCHANT_PRIVATE_KEY, ALIPAY_APP_PRIVATE_KEY -> {
                    byte[] der = pem(value, "PRIVATE KEY");
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                    yield der;
                }
                case PLATFORM_PUBLIC_KEY, ALIPAY_PUBLIC_KEY -> {
                    byte[] der = pem(value, "PUBLIC KEY");
                    KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                    yield der;
                }
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw ProblemException.invalid("merchant-key-unreadable", kind.name());
        }
    }

    /** PEM body of the given type; a bare Base64 body is accepted too, as the merchant platforms hand them out. */
    static byte[] pem(String text, String type) {
        String body = text.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "")
                .replaceAll("\\s", "");
        if (body.contains("-----")) {
            throw new IllegalArgumentException("not a " + type);
        }
        return Base64.getDecoder().decode(body);
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw ProblemException.invalid("merchant-certificate-unreadable");
        }
    }

    private static String fingerprint(byte[] material) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
