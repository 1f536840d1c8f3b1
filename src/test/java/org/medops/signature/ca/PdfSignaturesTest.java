package org.medops.signature.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.signature.PdfVerification;

class PdfSignaturesTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static Sm2.Credential authority(String name) {
        KeyPair keys = Sm2.keyPair();
        X500Name subject = Sm2.name(name, null, "Electronic signatures");
        return new Sm2.Credential(keys.getPrivate(), Sm2.certificate(subject, keys, subject, keys.getPrivate(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)), true));
    }

    static Sm2.Credential signer(Sm2.Credential authority, String name, String account) {
        KeyPair keys = Sm2.keyPair();
        X500Name issuer = X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded());
        return new Sm2.Credential(keys.getPrivate(), Sm2.certificate(Sm2.name(name, account, null), keys, issuer,
                authority.key(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(5)), false));
    }

    static byte[] blankPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    static List<PdfVerification.Check> verify(byte[] pdf, X509Certificate trusted) {
        return PdfSignatures.verify(pdf, c -> PdfSignatures.issuedBy(c, trusted));
    }

    final Sm2.Credential ca = authority("MedOps CA");
    final Sm2.Credential li = signer(ca, "李敏", "info-li");

    @Nested
    class Signing {

        @Test
        void embedsAnSm2SignatureThatVerifiesWithItsSignerAndTime() throws IOException {
            byte[] signed = PdfSignatures.sign(blankPdf(), "李敏", "已核对", NOW, li, ca.certificate());

            List<PdfVerification.Check> checks = verify(signed, ca.certificate());
            assertThat(checks).hasSize(1);
            PdfVerification.Check check = checks.get(0);
            assertThat(check.status()).isEqualTo("valid");
            assertThat(check.signerCommonName()).isEqualTo("李敏");
            assertThat(check.signerAccount()).isEqualTo("info-li");
            assertThat(check.algorithm()).isEqualTo("SM3withSM2");
            assertThat(check.signedAt()).isEqualTo(NOW);
            assertThat(check.certificateSerial()).isEqualTo(Sm2.serialHex(li.certificate()));
            assertThat(new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("/ByteRange").contains("/adbe.pkcs7.detached");
        }
    }

    @Nested
    class Verifying {

        @Test
        void aChangedByteInTheSignedRangeIsFound() throws IOException {
            byte[] signed = PdfSignatures.sign(blankPdf(), "李敏", null, NOW, li, ca.certificate());
            byte[] changed = signed.clone();
            changed[20] ^= 0x01; // inside the original document, before the signature's hole

            PdfVerification.Check check = verify(changed, ca.certificate()).get(0);
            assertThat(check.intact()).isFalse();
            assertThat(check.status()).isEqualTo("changed");
        }

        @Test
        void contentAppendedAfterSigningIsFound() throws IOException {
            byte[] signed = PdfSignatures.sign(blankPdf(), "李敏", null, NOW, li, ca.certificate());
            byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 8);
            System.arraycopy("\n%extra\n".getBytes(), 0, appended, signed.length, 8);

            PdfVerification.Check check = verify(appended, ca.certificate()).get(0);
            assertThat(check.coversDocument()).isFalse();
            assertThat(check.status()).isEqualTo("changed");
        }

        @Test
        void aCertificateFromAnotherCaIsNotTrusted() throws IOException {
            Sm2.Credential stranger = signer(authority("Elsewhere CA"), "冒名者", "nobody");
            byte[] signed = PdfSignatures.sign(blankPdf(), "李敏", null, NOW, stranger, null);

            PdfVerification.Check check = verify(signed, ca.certificate()).get(0);
            assertThat(check.intact()).isTrue();
            assertThat(check.trusted()).isFalse();
            assertThat(check.status()).isEqualTo("untrusted");
        }

        @Test
        void anUnsignedPdfHasNoSignatures() throws IOException {
            assertThat(PdfVerification.of(verify(blankPdf(), ca.certificate())).status()).isEqualTo("unsigned");
        }
    }
}
