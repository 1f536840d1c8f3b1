package org.medops.signature.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** SM2 keys on the sm2p256v1 curve and X.509 certificates signed SM3withSM2, through BouncyCastle. */
final class Sm2 {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    static final String SIGNATURE_ALGORITHM = "SM3withSM2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    /** A private key together with the certificate of its public half. */
    record Credential(PrivateKey key, X509Certificate certificate) {
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle provides SM2", e);
        }
    }

    static X500Name name(String commonName, String account, String unit) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "MedOps");
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        builder.addRDN(BCStyle.CN, commonName);
        if (account != null) {
            builder.addRDN(BCStyle.UID, account);
        }
        return builder.build();
    }

    /** A certificate for {@code subject}'s key, signed by {@code issuer} (itself for the root). */
    static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuerName, PrivateKey issuerKey,
                                       Instant from, Instant until, boolean authority) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(),
                    Date.from(from), Date.from(until), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer(issuerKey)));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue an SM2 certificate", e);
        }
    }

    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BC).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("BouncyCastle signs SM3withSM2", e);
        }
    }

    static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String encode(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored SM2 key does not decode", e);
        }
    }

    static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored certificate does not decode", e);
        }
    }

    static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }
}
