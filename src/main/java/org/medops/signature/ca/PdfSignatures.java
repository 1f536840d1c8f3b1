package org.medops.signature.ca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.medops.shared.ProblemException;
import org.medops.signature.PdfVerification;

/**
 * A signature in a PDF the way readers expect it: an incremental update adds a signature dictionary whose
 * /ByteRange covers the whole file but the /Contents hole, which holds a detached CMS SignedData (SM3withSM2, the
 * signer's certificate and the CA's). Verifying recomputes the digest over the byte ranges and checks the CMS
 * signature; a certificate counts as trusted only when the given authority's key signed it.
 */
final class PdfSignatures {

    private PdfSignatures() {
    }

    static byte[] sign(byte[] pdf, String name, String reason, Instant at, Sm2.Credential signer,
                       X509Certificate authority) {
        try (PDDocument document = load(pdf); SignatureOptions options = new SignatureOptions();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(name);
            signature.setReason(reason == null || reason.isBlank() ? null : reason);
            signature.setLocation("MedOps");
            Calendar when = Calendar.getInstance();
            when.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE);
            document.addSignature(signature, options);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes(), at, signer, authority));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CMS states the same signing time as the signature dictionary, so the two never disagree. */
    static byte[] cms(byte[] content, Instant at, Sm2.Credential signer, X509Certificate authority) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            AttributeTable signingTime = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(java.util.Date.from(at)))));
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Sm2.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
                    .build(Sm2.signer(signer.key()), signer.certificate()));
            List<X509Certificate> chain = authority == null ? List.of(signer.certificate())
                    : List.of(signer.certificate(), authority);
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the CMS signature", e);
        }
    }

    /** Every signature of the PDF, checked; {@code trusts} tells whether a certificate comes from a known CA. */
    static List<PdfVerification.Check> verify(byte[] pdf, Function<X509Certificate, Boolean> trusts) {
        List<PdfVerification.Check> checks = new ArrayList<>();
        try (PDDocument document = load(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                checks.add(check(pdf, signature, trusts));
            }
        } catch (IOException e) {
            throw ProblemException.invalid("signature-pdf-unreadable");
        }
        return checks;
    }

    private static PdfVerification.Check check(byte[] pdf, PDSignature signature,
                                               Function<X509Certificate, Boolean> trusts) {
        Instant dictionaryDate = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        int[] range = signature.getByteRange();
        boolean covers = range != null && range.length == 4 && range[0] == 0
                && (long) range[2] + range[3] == pdf.length;
        try {
            byte[] signed = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo(signature.getContents(pdf)));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return unreadable(signature, dictionaryDate, covers);
            }
            X509CertificateHolder holder = matches.iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Sm2.BC).getCertificate(holder);
            Instant signedAt = signingTime(signer, dictionaryDate);
            boolean intact;
            boolean digestMatches = true;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Sm2.BC).build(holder));
            } catch (CMSSignerDigestMismatchException e) {
                intact = false;
                digestMatches = false;
            }
            boolean trusted = trusts.apply(certificate) && validAt(certificate, signedAt);
            String status = !digestMatches || intact && !covers ? "changed" : !intact ? "invalid"
                    : !trusted ? "untrusted" : "valid";
            X500Name subject = holder.getSubject();
            return new PdfVerification.Check(signature.getName(), rdn(subject, BCStyle.CN), rdn(subject, BCStyle.UID),
                    holder.getSerialNumber().toString(16), rdn(holder.getIssuer(), BCStyle.CN),
                    algorithm(signer), signedAt, signature.getReason(), trusted, intact, covers, status);
        } catch (IOException | CMSException | GeneralSecurityException | OperatorCreationException
                 | RuntimeException e) {
            return unreadable(signature, dictionaryDate, covers);
        }
    }

    /** The /Contents hole is padded with zeros after the DER object; read just the object. */
    private static ContentInfo contentInfo(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            return ContentInfo.getInstance(in.readObject());
        }
    }

    private static PdfVerification.Check unreadable(PDSignature signature, Instant at, boolean covers) {
        return new PdfVerification.Check(signature.getName(), null, null, null, null, null, at, signature.getReason(),
                false, false, covers, "invalid");
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(java.util.Date.from(at));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean issuedBy(X509Certificate certificate, X509Certificate authority) {
        if (!certificate.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
            return false;
        }
        try {
            PublicKey key = authority.getPublicKey();
            certificate.verify(key, Sm2.BC);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Instant signingTime(SignerInformation signer, Instant fallback) {
        if (signer.getSignedAttributes() != null) {
            Attribute time = signer.getSignedAttributes().get(CMSAttributes.signingTime);
            if (time != null && time.getAttrValues().size() > 0) {
                ASN1Encodable value = time.getAttrValues().getObjectAt(0);
                return Time.getInstance(value).getDate().toInstant();
            }
        }
        return fallback;
    }

    private static String algorithm(SignerInformation signer) {
        String oid = signer.getEncryptionAlgOID();
        return "1.2.156.10197.1.501".equals(oid) || "1.2.156.10197.1.301.1".equals(oid) ? "SM3withSM2" : oid;
    }

    private static String rdn(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] values = name.getRDNs(type);
        return values.length == 0 ? null : IETFUtils.valueToString(values[0].getFirst().getValue());
    }

    private static PDDocument load(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }
}
