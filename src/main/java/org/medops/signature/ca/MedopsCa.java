package org.medops.signature.ca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.medops.shared.AuditableEvent.Outcome;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.medops.shared.Secrets;
import org.medops.signature.PdfVerification;
import org.medops.signature.SignatureAction;
import org.medops.signature.SignatureService;
import org.medops.signature.SignedPdf;
import org.medops.signature.Signer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in signature service: the MedOps CA. Its root (SM2, ten years) is made on first use; each signer gets an
 * SM2 key and a two-year certificate the first time they sign, issued in the signing transaction and audited.
 */
@Service
@ConditionalOnProperty(name = "medops.signature.provider", havingValue = "builtin", matchIfMissing = true)
class MedopsCa implements SignatureService {

    static final Duration ROOT_VALIDITY = Duration.ofDays(3653);
    static final Duration SIGNER_VALIDITY = Duration.ofDays(730);

    private final Authority authority;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MedopsCa(Authority authority, Secrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.authority = authority;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SignedPdf sign(byte[] pdf, Signer signer, String reason) {
        if (signer == null || signer.username() == null || signer.name() == null || signer.name().isBlank()) {
            throw ProblemException.invalid("signature-signer-missing");
        }
        authority.lock();
        Sm2.Credential root = root();
        Sm2.Credential credential = credential(signer, root);
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] signed = PdfSignatures.sign(pdf, signer.name(), reason, at, credential, root.certificate());
        return new SignedPdf(signed, Sm2.serialHex(credential.certificate()),
                credential.certificate().getSubjectX500Principal().getName(), at);
    }

    @Override
    @Transactional(readOnly = true)
    public PdfVerification verify(byte[] pdf) {
        X509Certificate root = authority.root().map(stored -> Sm2.certificate(stored.certificate())).orElse(null);
        return PdfVerification.of(PdfSignatures.verify(pdf,
                certificate -> root != null && PdfSignatures.issuedBy(certificate, root)));
    }

    /** The root certificate, for anyone who wants to verify MedOps signatures elsewhere; none before first use. */
    java.util.Optional<X509Certificate> rootCertificate() {
        return authority.root().map(stored -> Sm2.certificate(stored.certificate()));
    }

    private Sm2.Credential root() {
        return authority.root()
                .map(stored -> new Sm2.Credential(Sm2.privateKey(secrets.open(stored.sealedKey())),
                        Sm2.certificate(stored.certificate())))
                .orElseGet(this::createRoot);
    }

    private Sm2.Credential createRoot() {
        Instant now = clock.instant();
        KeyPair keys = Sm2.keyPair();
        X500Name name = Sm2.name("MedOps CA", null, "Electronic signatures");
        X509Certificate certificate = Sm2.certificate(name, keys, name, keys.getPrivate(), now.minus(Duration.ofMinutes(5)),
                now.plus(ROOT_VALIDITY), true);
        authority.saveRoot(Sm2.encode(certificate), secrets.seal(Sm2.encode(keys.getPrivate())), now);
        events.publishEvent(new SignatureAction("signature.ca.create", "signature-ca", Sm2.serialHex(certificate),
                Outcome.SUCCESS, List.of(FieldChange.set("signatureCertificate", Sm2.serialHex(certificate)))));
        return new Sm2.Credential(keys.getPrivate(), certificate);
    }

    private Sm2.Credential credential(Signer signer, Sm2.Credential root) {
        Instant now = clock.instant();
        return authority.signer(signer.username())
                .map(stored -> new Sm2.Credential(Sm2.privateKey(secrets.open(stored.sealedKey())),
                        Sm2.certificate(stored.certificate())))
                .filter(credential -> !credential.certificate().getNotAfter().toInstant().isBefore(now.plusSeconds(60)))
                .orElseGet(() -> issue(signer, root, now));
    }

    private Sm2.Credential issue(Signer signer, Sm2.Credential root, Instant now) {
        KeyPair keys = Sm2.keyPair();
        X500Name issuer = X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded());
        X509Certificate certificate = Sm2.certificate(Sm2.name(signer.name(), signer.username(), null), keys, issuer,
                root.key(), now.minus(Duration.ofMinutes(5)), now.plus(SIGNER_VALIDITY), false);
        String serial = Sm2.serialHex(certificate);
        authority.deleteSigner(signer.username());
        authority.saveSigner(signer.username(), signer.name(), serial, Sm2.encode(certificate),
                secrets.seal(Sm2.encode(keys.getPrivate())), now);
        events.publishEvent(new SignatureAction("signature.key.issue", "signer", signer.username(), Outcome.SUCCESS,
                List.of(FieldChange.set("signatureSigner", signer.name()),
                        FieldChange.set("signatureCertificate", serial))));
        return new Sm2.Credential(keys.getPrivate(), certificate);
    }
}
