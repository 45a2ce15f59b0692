package vn.motcua.result.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
 * Verifies PAdES / PDF signatures offline against a fixed set of trusted authorities.
 *
 * <p>Deliberately strict and self-contained: it answers "is this exactly the file the agency signed, and is the
 * agency's certificate vouched for?" without network access. It does not check revocation (no CRL/OCSP) and does not
 * evaluate timestamps, so the signing time is the signer's claim; documents carrying a document timestamp or other
 * later additions after the last signature are reported as ALTERED, because bytes were added after signing.
 *
 * <p>Every byte outside /Contents is covered by the digest. Inside /Contents, the CMS protects its signed parts
 * (signed attributes, the signer certificate through signing-certificate-v2) and the zero padding is required, but
 * CMS leaves some fields unsigned by design (for example the extra certificates); changing those does not change
 * what was signed, and a damaged intermediate simply fails the chain.
 */
public final class PadesVerifier {

    private static final Set<String> DETACHED_SUBFILTERS = Set.of(
            PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName());
    /** SHA-1 and MD5 collide; accepting them would let a forger reuse a signature on other bytes. */
    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");
    private static final int MAX_CHAIN_LENGTH = 8;

    private PadesVerifier() {
    }

    /**
     * Checks the PDF's signatures. VALID only if: there is at least one signature; for each, the CMS signature value
     * verifies with the signer certificate, the message digest attribute equals the digest (SHA-256, or SHA-384/512
     * from other signing tools) of the signed byte range, and the byte range is well formed (starts at 0, ends in the
     * file, and excludes exactly that signature's /Contents hex string); the last signature's byte range covers the
     * whole file (no bytes appended after signing); and the signer certificate chains (signature check of each link,
     * validity at signing time) to one of trustedAuthorities. ALTERED when a digest, structure or coverage check fails
     * (any changed, added or removed byte), UNTRUSTED when the signature is intact but the chain does not reach a
     * trusted authority (or its format cannot be checked here), NOT_SIGNED when the PDF has no signature, UNREADABLE
     * when the bytes are not a readable PDF. signer/organization are the CN and O of the last signer's certificate,
     * signedAt is the CMS signing-time attribute or else /M; detail is a short English explanation for logs. Never
     * throws on bad input. {@code now} is when the chain is checked for a signature that states no signing time.
     */
    public static Verdict verify(byte[] pdf, Collection<X509Certificate> trustedAuthorities, Instant now) {
        try {
            List<X509Certificate> trusted = trustedAuthorities == null ? List.of()
                    : trustedAuthorities.stream().filter(Objects::nonNull).toList();
            return check(pdf, trusted, now);
        } catch (Exception | StackOverflowError e) {
            // Hostile or broken files must not take the caller down; a deeply nested PDF can overflow the parser.
            return new Verdict(Status.UNREADABLE, null, null, null, "Cannot check the PDF: " + e);
        }
    }

    private static Verdict check(byte[] pdf, List<X509Certificate> trusted, Instant now) {
        if (pdf == null || !PadesSigner.hasPdfHeader(pdf)) {
            return new Verdict(Status.UNREADABLE, null, null, null, "Not a PDF: no %PDF- header");
        }
        List<SignatureField> fields = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                fields.add(new SignatureField(signature.getByteRange(), signature.getSubFilter(),
                        signature.getContents(), instant(signature.getSignDate())));
            }
        } catch (InvalidPasswordException e) {
            return new Verdict(Status.UNREADABLE, null, null, null, "The PDF is password-protected");
        } catch (IOException | RuntimeException e) {
            return new Verdict(Status.UNREADABLE, null, null, null, "Not a readable PDF: " + e.getMessage());
        }
        if (fields.isEmpty()) {
            return new Verdict(Status.NOT_SIGNED, null, null, null, "The PDF has no signature");
        }
        // Field order is form order, not signing order: the signature that ends last in the file was applied last.
        fields.sort(Comparator.comparingLong(SignatureField::end));

        // ALTERED outranks UNTRUSTED: keep checking the other signatures after one in a format we cannot verify.
        List<Checked> checked = new ArrayList<>();
        String unsupported = null;
        for (int i = 0; i < fields.size(); i++) {
            String which = "Signature " + (i + 1) + " of " + fields.size();
            try {
                checked.add(integrity(pdf, fields.get(i)));
            } catch (Failure failure) {
                if (failure.status != Status.UNTRUSTED) {
                    return verdict(failure.status, null, which + ": " + failure.getMessage());
                }
                checked.add(null);
                if (unsupported == null) {
                    unsupported = which + " cannot be verified: " + failure.getMessage();
                }
            }
        }
        Checked last = checked.getLast();
        long end = fields.getLast().end();
        if (end != pdf.length) {
            return verdict(Status.ALTERED, last, (pdf.length - end) + " bytes were added after the last signature");
        }
        if (unsupported != null) {
            return verdict(Status.UNTRUSTED, last, unsupported);
        }
        for (int i = 0; i < checked.size(); i++) {
            String problem = trustProblem(checked.get(i), trusted, now);
            if (problem != null) {
                return verdict(Status.UNTRUSTED, last,
                        "Signature " + (i + 1) + " of " + checked.size() + " is intact but " + problem);
            }
        }
        return verdict(Status.VALID, last, checked.size() == 1
                ? "Intact, covers the whole file, signer chains to a trusted authority"
                : checked.size() + " signatures intact, the last covers the whole file, all signers trusted");
    }

    /** Everything that proves the signed bytes are unchanged; throws ALTERED (or UNTRUSTED if unsupported). */
    private static Checked integrity(byte[] pdf, SignatureField field) throws Failure {
        int[] range = field.byteRange();
        if (range == null || range.length != 4) {
            throw new Failure(Status.ALTERED, "malformed /ByteRange");
        }
        long start1 = range[0];
        long length1 = range[1];
        long start2 = range[2];
        long length2 = range[3];
        if (start1 != 0 || length1 <= 0 || length2 < 0 || start2 < length1 + 2 || start2 + length2 > pdf.length) {
            throw new Failure(Status.ALTERED, "/ByteRange " + Arrays.toString(range) + " does not fit the "
                    + pdf.length + "-byte file");
        }
        byte[] cmsBytes = gap(pdf, (int) length1, (int) start2);
        if (field.contents() == null || !Arrays.equals(cmsBytes, field.contents())) {
            throw new Failure(Status.ALTERED, "/ByteRange does not exclude exactly the signature's /Contents");
        }
        if (field.subFilter() == null || !DETACHED_SUBFILTERS.contains(field.subFilter())) {
            throw new Failure(Status.UNTRUSTED, "unsupported SubFilter " + field.subFilter());
        }
        byte[] signatureValue = withoutPadding(cmsBytes);

        CMSTypedData signedContent = new ByteRangeContent(pdf, (int) length1, (int) start2, (int) length2);
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(signedContent, signatureValue);
        } catch (CMSException | RuntimeException e) {
            throw new Failure(Status.ALTERED, "/Contents is not a readable CMS signature");
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new Failure(Status.ALTERED, "expected one SignerInfo, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            throw new Failure(Status.UNTRUSTED, "CMS without signed attributes is not supported");
        }
        String digestAlgorithm = DIGESTS.get(signer.getDigestAlgorithmID().getAlgorithm());
        if (digestAlgorithm == null) {
            throw new Failure(Status.UNTRUSTED, "weak or unsupported digest algorithm " + signer.getDigestAlgOID());
        }
        Attribute messageDigest = attributes.get(CMSAttributes.messageDigest);
        if (messageDigest == null || messageDigest.getAttrValues().size() != 1) {
            throw new Failure(Status.ALTERED, "no message-digest attribute");
        }
        byte[] claimed = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
        if (!MessageDigest.isEqual(claimed, digest(digestAlgorithm, pdf, (int) length1, (int) start2, (int) length2))) {
            throw new Failure(Status.ALTERED, "the signed bytes changed after signing (digest mismatch)");
        }

        X509Certificate certificate = signerCertificate(cms, signer);
        requireSigningCertificateMatch(attributes, certificate);
        try {
            // Verify with the bare key: the certificate's validity is judged with the chain, not here.
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))) {
                throw new Failure(Status.ALTERED, "the signature value does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            throw new Failure(Status.ALTERED, "the signed bytes changed after signing (digest mismatch)");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new Failure(Status.ALTERED, "the signature value does not verify: " + e.getMessage());
        }

        Instant signedAt = field.signDate();
        Attribute signingTime = attributes.get(CMSAttributes.signingTime);
        if (signingTime != null && signingTime.getAttrValues().size() == 1) {
            try {
                signedAt = Time.getInstance(signingTime.getAttrValues().getObjectAt(0)).getDate().toInstant();
            } catch (RuntimeException e) {
                throw new Failure(Status.ALTERED, "unreadable signing-time attribute");
            }
        }
        return new Checked(certificate, embeddedCertificates(cms), signedAt);
    }

    /** The signature value as the file holds it: the hex string between the two byte ranges, brackets included. */
    private static byte[] gap(byte[] pdf, int from, int to) throws Failure {
        if (pdf[from] != '<' || pdf[to - 1] != '>' || (to - from) % 2 != 0) {
            throw new Failure(Status.ALTERED, "the gap in /ByteRange is not a hex string");
        }
        for (int i = from + 1; i < to - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                throw new Failure(Status.ALTERED, "the gap in /ByteRange is not a hex string");
            }
        }
        return HexFormat.of().parseHex(new String(pdf, from + 1, to - from - 2, StandardCharsets.US_ASCII));
    }

    /**
     * The CMS without the zeros that fill the rest of the reserved space. Requiring zeros keeps "any changed byte is
     * detected" true for the only bytes the signature itself cannot cover (and BouncyCastle rejects trailing data).
     */
    private static byte[] withoutPadding(byte[] cmsBytes) throws Failure {
        ByteArrayInputStream in = new ByteArrayInputStream(cmsBytes);
        try (ASN1InputStream asn1 = new ASN1InputStream(in, cmsBytes.length)) {
            if (asn1.readObject() == null) {
                throw new Failure(Status.ALTERED, "/Contents is empty");
            }
        } catch (IOException | RuntimeException e) {
            throw new Failure(Status.ALTERED, "/Contents is not a readable CMS signature");
        }
        int end = cmsBytes.length - in.available();
        for (int i = end; i < cmsBytes.length; i++) {
            if (cmsBytes[i] != 0) {
                throw new Failure(Status.ALTERED, "bytes after the CMS signature in /Contents were changed");
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

    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) throws Failure {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new Failure(Status.UNTRUSTED, "the signer certificate is not embedded");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new Failure(Status.ALTERED, "the signer certificate is unreadable");
        }
    }

    /** signing-certificate-v2 binds the certificate into the signature; a swapped certificate means tampering. */
    private static void requireSigningCertificateMatch(AttributeTable attributes, X509Certificate certificate)
            throws Failure {
        Attribute attribute = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            String algorithm = DIGESTS.get(id.getHashAlgorithm().getAlgorithm());
            if (algorithm == null) {
                throw new Failure(Status.UNTRUSTED, "unsupported hash in signing-certificate-v2");
            }
            byte[] hash = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            if (!MessageDigest.isEqual(hash, id.getCertHash())) {
                throw new Failure(Status.ALTERED, "the signer certificate is not the one the signature names");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Failure(Status.ALTERED, "unreadable signing-certificate-v2 attribute");
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

    /**
     * Why the signer is not vouched for, or null if it is. Walks up from the signer through embedded intermediates,
     * checking each link's signature and validity at the claimed signing time, until a trusted authority signs a link
     * (or the signer is itself trusted).
     */
    private static String trustProblem(Checked signature, List<X509Certificate> trusted, Instant now) {
        if (trusted.isEmpty()) {
            return "no trusted authority is configured";
        }
        Instant at = signature.signedAt() != null ? signature.signedAt() : now;
        X509Certificate current = signature.certificate();
        boolean[] usage = current.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return "the signer certificate is not for digital signatures";
        }
        Set<X509Certificate> path = new HashSet<>();
        for (int depth = 0; depth < MAX_CHAIN_LENGTH; depth++) {
            String invalid = invalidAt(current, at);
            if (invalid != null) {
                return invalid;
            }
            if (trusted.contains(current)) {
                return null;
            }
            path.add(current);
            for (X509Certificate anchor : trusted) {
                if (issued(anchor, current)) {
                    return invalidAt(anchor, at);
                }
            }
            X509Certificate next = null;
            for (X509Certificate candidate : signature.embedded()) {
                if (!path.contains(candidate) && issued(candidate, current)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return "the signer certificate does not chain to a trusted authority";
            }
            current = next;
        }
        return "the certificate chain is too long";
    }

    /** Whether issuer is a certification authority whose key signed certificate. */
    private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                || issuer.getBasicConstraints() < 0) {
            return false;
        }
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && !usage[5]) {
            return false;
        }
        return verifies(certificate, issuer);
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String invalidAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return null;
        } catch (CertificateExpiredException e) {
            return "certificate " + commonName(certificate) + " had expired at the signing time " + at;
        } catch (CertificateNotYetValidException e) {
            return "certificate " + commonName(certificate) + " was not yet valid at the signing time " + at;
        }
    }

    private static Verdict verdict(Status status, Checked signature, String detail) {
        if (signature == null) {
            return new Verdict(status, null, null, null, detail);
        }
        return new Verdict(status, commonName(signature.certificate()),
                attribute(signature.certificate(), BCStyle.O), signature.signedAt(), detail);
    }

    private static String commonName(X509Certificate certificate) {
        return attribute(certificate, BCStyle.CN);
    }

    /** The first value of a subject attribute as text (UTF8String, PrintableString, BMPString...), or null. */
    private static String attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : value.toString();
    }

    private static Instant instant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }

    /** What the document says about one signature, read once so the document can be closed. */
    private record SignatureField(int[] byteRange, String subFilter, byte[] contents, Instant signDate) {

        long end() {
            return byteRange == null || byteRange.length != 4 ? Long.MAX_VALUE : (long) byteRange[2] + byteRange[3];
        }
    }

    /** An intact signature: who signed, the certificates it carries for the chain, and when it claims to be. */
    private record Checked(X509Certificate certificate, List<X509Certificate> embedded, Instant signedAt) {
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

    /** A verdict reached inside the checks; cheap because it carries no stack trace. */
    private static final class Failure extends Exception {

        final Status status;

        Failure(Status status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
