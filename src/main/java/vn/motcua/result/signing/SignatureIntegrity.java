package vn.motcua.result.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import vn.motcua.result.signing.Verdict.Status;

/**
 * The checks of one signature's bytes: the byte range and the /Contents gap, the zero padding, the CMS structure, the
 * message digest of the signed bytes, the signing-certificate binding and the signature value. Whether the signer is
 * trusted is {@link CertificatePath}'s question, asked only of signatures that pass here.
 */
final class SignatureIntegrity {

    private static final Set<String> DETACHED_SUBFILTERS = Set.of(
            PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName());
    /** SHA-1 and MD5 collide; accepting them would let a forger reuse a signature on other bytes. */
    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private SignatureIntegrity() {
    }

    /** Everything that proves the signed bytes are unchanged; throws ALTERED (or UNTRUSTED if unsupported). */
    static IntactSignature check(byte[] pdf, SignatureField field) throws SignatureFailure {
        int[] range = field.byteRange();
        if (range == null || range.length != 4) {
            throw new SignatureFailure(Status.ALTERED, "malformed /ByteRange");
        }
        long start1 = range[0];
        long length1 = range[1];
        long start2 = range[2];
        long length2 = range[3];
        if (start1 != 0 || length1 <= 0 || length2 < 0 || start2 < length1 + 2 || start2 + length2 > pdf.length) {
            throw new SignatureFailure(Status.ALTERED, "/ByteRange " + Arrays.toString(range) + " does not fit the "
                    + pdf.length + "-byte file");
        }
        byte[] cmsBytes = gap(pdf, (int) length1, (int) start2);
        if (field.contents() == null || !Arrays.equals(cmsBytes, field.contents())) {
            throw new SignatureFailure(Status.ALTERED, "/ByteRange does not exclude exactly the signature's /Contents");
        }
        if (field.subFilter() == null || !DETACHED_SUBFILTERS.contains(field.subFilter())) {
            throw new SignatureFailure(Status.UNTRUSTED, "unsupported SubFilter " + field.subFilter());
        }
        byte[] signatureValue = withoutPadding(cmsBytes);

        CMSTypedData signedContent = new ByteRangeContent(pdf, (int) length1, (int) start2, (int) length2);
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(signedContent, signatureValue);
        } catch (CMSException | RuntimeException e) {
            throw new SignatureFailure(Status.ALTERED, "/Contents is not a readable CMS signature");
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new SignatureFailure(Status.ALTERED, "expected one SignerInfo, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            throw new SignatureFailure(Status.UNTRUSTED, "CMS without signed attributes is not supported");
        }
        String digestAlgorithm = DIGESTS.get(signer.getDigestAlgorithmID().getAlgorithm());
        if (digestAlgorithm == null) {
            throw new SignatureFailure(Status.UNTRUSTED, "weak or unsupported digest algorithm " + signer.getDigestAlgOID());
        }
        Attribute messageDigest = attributes.get(CMSAttributes.messageDigest);
        if (messageDigest == null || messageDigest.getAttrValues().size() != 1) {
            throw new SignatureFailure(Status.ALTERED, "no message-digest attribute");
        }
        byte[] claimed = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
        if (!MessageDigest.isEqual(claimed, digest(digestAlgorithm, pdf, (int) length1, (int) start2, (int) length2))) {
            throw new SignatureFailure(Status.ALTERED, "the signed bytes changed after signing (digest mismatch)");
        }

        X509Certificate certificate = signerCertificate(cms, signer);
        requireSigningCertificateMatch(attributes, certificate);
        try {
            // Verify with the bare key: the certificate's validity is judged with the chain, not here.
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))) {
                throw new SignatureFailure(Status.ALTERED, "the signature value does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            throw new SignatureFailure(Status.ALTERED, "the signed bytes changed after signing (digest mismatch)");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new SignatureFailure(Status.ALTERED, "the signature value does not verify: " + e.getMessage());
        }

        Instant signedAt = field.signDate();
        Attribute signingTime = attributes.get(CMSAttributes.signingTime);
        if (signingTime != null && signingTime.getAttrValues().size() == 1) {
            try {
                signedAt = Time.getInstance(signingTime.getAttrValues().getObjectAt(0)).getDate().toInstant();
            } catch (RuntimeException e) {
                throw new SignatureFailure(Status.ALTERED, "unreadable signing-time attribute");
            }
        }
        return new IntactSignature(certificate, embeddedCertificates(cms), signedAt);
    }

    /** The signature value as the file holds it: the hex string between the two byte ranges, brackets included. */
    private static byte[] gap(byte[] pdf, int from, int to) throws SignatureFailure {
        if (pdf[from] != '<' || pdf[to - 1] != '>' || (to - from) % 2 != 0) {
            throw new SignatureFailure(Status.ALTERED, "the gap in /ByteRange is not a hex string");
        }
        for (int i = from + 1; i < to - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                throw new SignatureFailure(Status.ALTERED, "the gap in /ByteRange is not a hex string");
            }
        }
        return HexFormat.of().parseHex(new String(pdf, from + 1, to - from - 2, StandardCharsets.US_ASCII));
    }

    /**
     * The CMS without the zeros that fill the rest of the reserved space. Requiring zeros keeps "any changed byte is
     * detected" true for the only bytes the signature itself cannot cover (and BouncyCastle rejects trailing data).
     */
    private static byte[] withoutPadding(byte[] cmsBytes) throws SignatureFailure {
        ByteArrayInputStream in = new ByteArrayInputStream(cmsBytes);
        try (ASN1InputStream asn1 = new ASN1InputStream(in, cmsBytes.length)) {
            if (asn1.readObject() == null) {
                throw new SignatureFailure(Status.ALTERED, "/Contents is empty");
            }
        } catch (IOException | RuntimeException e) {
            throw new SignatureFailure(Status.ALTERED, "/Contents is not a readable CMS signature");
        }
        int end = cmsBytes.length - in.available();
        for (int i = end; i < cmsBytes.length; i++) {
            if (cmsBytes[i] != 0) {
                throw new SignatureFailure(Status.ALTERED, "bytes after the CMS signature in /Contents were changed");
            }
        }
        return Arrays.copyOf(cmsBytes, end);
    }

    private static byte[] digest(String algorithm, byte[] pdf, int length1, int start2, int length2) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(pdf, 0, length1);
            digest.update(pdf, start2, length2);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) throws SignatureFailure {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new SignatureFailure(Status.UNTRUSTED, "the signer certificate is not embedded");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new SignatureFailure(Status.ALTERED, "the signer certificate is unreadable");
        }
    }

    /** signing-certificate-v2 binds the certificate into the signature; a swapped certificate means tampering. */
    private static void requireSigningCertificateMatch(AttributeTable attributes, X509Certificate certificate)
            throws SignatureFailure {
        Attribute attribute = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            String algorithm = DIGESTS.get(id.getHashAlgorithm().getAlgorithm());
            if (algorithm == null) {
                throw new SignatureFailure(Status.UNTRUSTED, "unsupported hash in signing-certificate-v2");
            }
            byte[] hash = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            if (!MessageDigest.isEqual(hash, id.getCertHash())) {
                throw new SignatureFailure(Status.ALTERED, "the signer certificate is not the one the signature names");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SignatureFailure(Status.ALTERED, "unreadable signing-certificate-v2 attribute");
        }
    }

    private static List<X509Certificate> embeddedCertificates(CMSSignedData cms) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (GeneralSecurityException | RuntimeException e) {
                // An unreadable extra certificate cannot help the chain; the chain check decides without it.
            }
        }
        return certificates;
    }

    /** The two signed parts of the file, fed to BouncyCastle without copying them. */
    private record ByteRangeContent(byte[] pdf, int length1, int start2, int length2) implements CMSTypedData {

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write(pdf, 0, length1);
            out.write(pdf, start2, length2);
        }

        @Override
        public Object getContent() {
            return null;
        }
    }
}
