package vn.motcua.result.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.motcua.result.signing.Verdict.Status;

class PadesSignatureTest {

    private static final String DOSSIER = "H46.15-260518-0042";
    private static final Instant SIGNED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** When the verifier checks a chain for a signature without a signing time. */
    private static final Instant NOW = Instant.now();

    private static SigningKey authority;
    private static SigningKey agency;
    private static List<X509Certificate> trusted;
    private static byte[] unsigned;
    private static byte[] signed;

    @BeforeAll
    static void keysAndDocuments() throws IOException {
        authority = DemoAuthority.createAuthority("MộtCửa Demo Root CA", NOW);
        agency = DemoAuthority.issue(authority, "Sở Tư pháp tỉnh Demo", "Ủy ban nhân dân tỉnh Demo", NOW);
        trusted = List.of(authority.certificate());
        unsigned = pdf("Ket qua giai quyet ho so " + DOSSIER);
        signed = sign(unsigned, agency);
    }

    @Test
    void signedPdfVerifiesWithSignerAndTime() throws Exception {
        Verdict verdict = PadesVerifier.verify(signed, trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.VALID);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.signer()).isEqualTo("Sở Tư pháp tỉnh Demo");
        assertThat(verdict.organization()).isEqualTo("Ủy ban nhân dân tỉnh Demo");
        assertThat(verdict.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(verdict.detail()).isNotBlank();
    }

    @Test
    void signedPdfStillOpensWithOneCadesSignature() throws Exception {
        assertThat(Arrays.copyOf(signed, unsigned.length)).as("incremental update keeps the original bytes")
                .isEqualTo(unsigned);
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(new PDFTextStripper().getText(document)).contains(DOSSIER);
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.getFirst();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getName()).isEqualTo("Sở Tư pháp tỉnh Demo");
            assertThat(signature.getReason()).isEqualTo("Kết quả giải quyết hồ sơ " + DOSSIER);
            assertThat(signature.getLocation()).isEqualTo("Thuận Hóa, Huế");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNED_AT);

            CMSSignedData cms;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(signed))) {
                cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
            }
            assertThat(cms.isDetachedSignature()).isTrue();
            assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
            assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.840.113549.1.1.11");
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime))
                    .as("PAdES B-B: the claimed time is /M, not signing-time").isNull();
        }
    }

    @Test
    void oneChangedByteInTheContentStreamIsAltered() {
        byte[] tampered = signed.clone();
        int at = indexOf(tampered, DOSSIER.getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive().isLessThan(unsigned.length);
        tampered[at + DOSSIER.length() - 1] = '9';

        Verdict verdict = PadesVerifier.verify(tampered, trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.ALTERED);
        assertThat(verdict.valid()).isFalse();
    }

    @Test
    void noChangedByteOutsideTheSignatureValueGoesUnnoticed() throws IOException {
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        for (int i = 0; i < signed.length; i += 37) {
            if (i >= range[1] && i < range[2]) {
                continue;
            }
            byte[] tampered = signed.clone();
            tampered[i] ^= 0x01;
            assertThat(PadesVerifier.verify(tampered, trusted, NOW).valid()).as("byte %d changed", i).isFalse();
        }
    }

    @Test
    void appendedBytesAreAltered() {
        byte[] appended = concat(signed, "\n% appended after signing\n".getBytes(StandardCharsets.US_ASCII));

        Verdict verdict = PadesVerifier.verify(appended, trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.ALTERED);
        assertThat(verdict.detail()).contains("added after the last signature");
    }

    @Test
    void anIncrementalUpdateAfterSigningIsAltered() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.getDocumentInformation().setTitle("Đã sửa sau khi ký");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }
        byte[] updated = out.toByteArray();
        assertThat(Arrays.copyOf(updated, signed.length)).isEqualTo(signed);

        Verdict verdict = PadesVerifier.verify(updated, trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.ALTERED);
        assertThat(verdict.detail()).contains("added after the last signature");
    }

    @Test
    void aRemovedByteIsAltered() {
        Verdict verdict = PadesVerifier.verify(Arrays.copyOf(signed, signed.length - 1), trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.ALTERED);
    }

    @Test
    void aChangedByteInTheSignaturePaddingIsAltered() {
        byte[] tampered = signed.clone();
        int contents = indexOf(tampered, "/Contents <".getBytes(StandardCharsets.US_ASCII));
        int end = indexOf(tampered, ">".getBytes(StandardCharsets.US_ASCII), contents);
        tampered[end - 1] = '1';

        assertThat(PadesVerifier.verify(tampered, trusted, NOW).status()).isEqualTo(Status.ALTERED);
    }

    @Test
    void aKeyFromAnotherAuthorityIsUntrusted() throws IOException {
        SigningKey stranger = DemoAuthority.issue(DemoAuthority.createAuthority("Other Demo CA", NOW),
                "Sở Tư pháp tỉnh Demo", "Ủy ban nhân dân tỉnh Demo", NOW);

        Verdict verdict = PadesVerifier.verify(sign(unsigned, stranger), trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.UNTRUSTED);
        assertThat(verdict.signer()).isEqualTo("Sở Tư pháp tỉnh Demo");
        assertThat(PadesVerifier.verify(signed, List.of(), NOW).status()).isEqualTo(Status.UNTRUSTED);
    }

    @Test
    void aSigningTimeOutsideTheCertificateValidityIsUntrusted() {
        Instant before = agency.certificate().getNotBefore().toInstant().minus(1, ChronoUnit.DAYS);
        byte[] backdated = PadesSigner.sign(unsigned, agency, "Sở Tư pháp", "Kết quả", "Huế", before);

        Verdict verdict = PadesVerifier.verify(backdated, trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.UNTRUSTED);
        assertThat(verdict.detail()).contains("not yet valid");
    }

    @Test
    void aSecondSignatureKeepsBothValid() throws IOException {
        SigningKey chairman = DemoAuthority.issue(authority, "Nguyễn Văn A", "Ủy ban nhân dân tỉnh Demo", NOW);
        byte[] twice = PadesSigner.sign(signed, chairman, "Nguyễn Văn A", "Phê duyệt", "Huế",
                SIGNED_AT.plusSeconds(60));

        Verdict verdict = PadesVerifier.verify(twice, trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.VALID);
        assertThat(verdict.signer()).isEqualTo("Nguyễn Văn A");
        assertThat(verdict.signedAt()).isEqualTo(SIGNED_AT.plusSeconds(60));
        try (PDDocument document = Loader.loadPDF(twice)) {
            assertThat(document.getSignatureDictionaries()).hasSize(2);
        }
    }

    @Test
    void unsignedPdfIsNotSigned() {
        assertThat(PadesVerifier.verify(unsigned, trusted, NOW).status()).isEqualTo(Status.NOT_SIGNED);
    }

    @Test
    void badInputIsUnreadableAndNeverThrows() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);

        assertThat(PadesVerifier.verify(random, trusted, NOW).status()).isEqualTo(Status.UNREADABLE);
        assertThat(PadesVerifier.verify(new byte[0], trusted, NOW).status()).isEqualTo(Status.UNREADABLE);
        assertThat(PadesVerifier.verify(null, null, NOW).status()).isEqualTo(Status.UNREADABLE);
        byte[] truncated = Arrays.copyOf(unsigned, 40);
        assertThat(PadesVerifier.verify(truncated, trusted, NOW).status()).isEqualTo(Status.UNREADABLE);
    }

    @Test
    void signingSomethingElseThanAPdfIsRejected() {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);

        assertThatThrownBy(() -> PadesSigner.sign(random, agency, "x", "x", "x", SIGNED_AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a PDF");
        assertThatThrownBy(() -> PadesSigner.sign("%PDF-1.7 garbage".getBytes(StandardCharsets.US_ASCII), agency,
                "x", "x", "x", SIGNED_AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pkcs12RoundTripSignsAndVerifies() {
        char[] password = "mật-khẩu-demo".toCharArray();
        byte[] pkcs12 = agency.toPkcs12("so-tu-phap", password);

        SigningKey reloaded = SigningKey.fromPkcs12(pkcs12, password);

        assertThat(reloaded.chain()).isEqualTo(agency.chain());
        assertThat(reloaded.certificate()).isEqualTo(agency.certificate());
        Verdict verdict = PadesVerifier.verify(
                PadesSigner.sign(unsigned, reloaded, "Sở Tư pháp", "Kết quả", "Huế", SIGNED_AT), trusted, NOW);
        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.VALID);
    }

    @Test
    void pkcs12WithAWrongPasswordIsRejected() {
        byte[] pkcs12 = agency.toPkcs12("so-tu-phap", "right".toCharArray());

        assertThatThrownBy(() -> SigningKey.fromPkcs12(pkcs12, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> SigningKey.fromPkcs12(new byte[] {1, 2, 3}, "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vietnameseSignerNameSurvives() {
        String name = "Ủy ban nhân dân phường Thuận Hóa";
        SigningKey ward = DemoAuthority.issue(authority, name, "Ủy ban nhân dân thành phố Huế", NOW);

        Verdict verdict = PadesVerifier.verify(
                PadesSigner.sign(unsigned, ward, name, "Chứng thực", "Phường Thuận Hóa", SIGNED_AT), trusted, NOW);

        assertThat(verdict.status()).as(verdict.detail()).isEqualTo(Status.VALID);
        assertThat(verdict.signer()).isEqualTo(name);
        assertThat(verdict.organization()).isEqualTo("Ủy ban nhân dân thành phố Huế");
    }

    @Test
    void demoCertificatesSayDemoAndHaveTheRightRoles() throws Exception {
        X509Certificate root = authority.certificate();
        X509Certificate leaf = agency.certificate();

        assertThat(root.getSubjectX500Principal().getName()).contains("DEMO").contains("C=VN");
        assertThat(leaf.getSubjectX500Principal().getName()).contains("DEMO");
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[1]).as("digitalSignature, nonRepudiation").isTrue();
        assertThat(agency.chain()).containsExactly(leaf, root);
        leaf.verify(root.getPublicKey());
        assertThat(root.getNotAfter().toInstant()).isAfter(Instant.now().plus(3649, ChronoUnit.DAYS));
        assertThat(leaf.getNotAfter().toInstant()).isBetween(Instant.now().plus(1090, ChronoUnit.DAYS),
                Instant.now().plus(1097, ChronoUnit.DAYS));
        assertThat(agency.toString()).doesNotContain("exponent");
    }

    private static byte[] sign(byte[] pdf, SigningKey key) {
        return PadesSigner.sign(pdf, key, "Sở Tư pháp tỉnh Demo", "Kết quả giải quyết hồ sơ " + DOSSIER,
                "Thuận Hóa, Huế", SIGNED_AT);
    }

    /** A one-page PDF whose content stream is uncompressed, so a test can find and change its text. */
    static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
