package vn.motcua.result.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.motcua.platform.security.Hashes;

/**
 * Signs PDFs as PAdES baseline B-B (ETSI EN 319 142-1), the profile Vietnamese e-government verifiers and Adobe
 * Acrobat both accept for electronic results.
 */
public final class PadesSigner {

    /**
     * Room for the CMS besides the certificates: SignerInfo, signed attributes and the signature value take about
     * 600 bytes with RSA 2048 and under 1 KB with RSA 4096. Each reserved byte costs two in the file (hex).
     */
    private static final int SIGNATURE_OVERHEAD = 2048;
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PadesSigner() {
    }

    /**
     * Signs the whole PDF as PAdES baseline B-B: an incremental update adding a signature dictionary with SubFilter
     * ETSI.CAdES.detached, a detached CMS SignedData over the byte range (SHA-256, SHA256withRSA, or SHA256withECDSA
     * for an EC key) with the signing-certificate-v2 signed attribute and the certificate chain, /Name, /Reason,
     * /Location and /M set. The signature field is invisible.
     *
     * <p>An incremental update leaves the original bytes untouched, so earlier signatures stay valid. As B-B
     * requires, the claimed signing time is only in /M (one-second precision) and the CMS carries no signing-time
     * attribute; without a trusted timestamp that time is the signer's claim, not proof.
     *
     * @throws IllegalArgumentException if the bytes are not a readable PDF or are password-protected
     */
    public static byte[] sign(byte[] pdf, SigningKey key, String signerName, String reason, String location,
            Instant signingTime) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(signingTime, "signingTime");
        if (!hasPdfHeader(pdf)) {
            throw new IllegalArgumentException("Not a PDF: no %PDF- header");
        }
        try (PDDocument document = load(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setReason(reason);
            signature.setLocation(location);
            signature.setSignDate(GregorianCalendar.from(signingTime.atZone(ZoneOffset.UTC)));
            options.setPreferredSignatureSize(signatureSize(key));
            document.addSignature(signature, options);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * signatureSize(key) + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent(), key));
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot sign the PDF: " + e.getMessage(), e);
        }
    }

    /** The CMS SignedData (DER, as PAdES requires) of the byte-range content, without the content itself. */
    static byte[] cms(InputStream content, SigningKey key) throws IOException {
        try {
            X509Certificate signer = key.certificate();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(signedAttributes(signer))
                            .build(new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key.privateKey()),
                                    signer));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("Cannot create the CMS signature: " + e.getMessage(), e);
        }
    }

    /**
     * content-type and message-digest (added by BouncyCastle), signing-certificate-v2 binding the signer certificate
     * to the signature so it cannot be swapped, and no signing-time: PAdES B-B forbids it in favour of /M.
     */
    private static CMSAttributeTableGenerator signedAttributes(X509Certificate signer)
            throws GeneralSecurityException {
        byte[] hash = Hashes.sha256(signer.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
                signer.getSerialNumber());
        // ESSCertIDv2 omits the hash algorithm when it is the default, SHA-256.
        SigningCertificateV2 signingCertificate = new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial));
        AttributeTable initial = new AttributeTable(
                new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(initial);
        return parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    private static String signatureAlgorithm(SigningKey key) {
        return switch (key.privateKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException(
                    "Unsupported key algorithm " + key.privateKey().getAlgorithm() + "; use RSA or EC");
        };
    }

    /** Bytes reserved for /Contents: the certificates dominate, so size by them rather than a fixed guess. */
    private static int signatureSize(SigningKey key) {
        int size = SIGNATURE_OVERHEAD;
        try {
            for (X509Certificate certificate : key.chain()) {
                size += certificate.getEncoded().length;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unreadable certificate in the chain", e);
        }
        return size;
    }

    /** PDF readers accept the header anywhere in the first 1024 bytes; so do we, but no further. */
    static boolean hasPdfHeader(byte[] pdf) {
        int limit = Math.min(pdf.length - PDF_HEADER.length, 1024);
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(pdf, i, i + PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length)) {
                return true;
            }
        }
        return false;
    }

    private static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw new IllegalArgumentException("The PDF is password-protected", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a readable PDF: " + e.getMessage(), e);
        }
    }
}
