package vn.motcua.result.signing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed demo certification authority and the agency keys it issues. For demo installations only: every
 * certificate's subject says DEMO.
 *
 * <p>A real installation signs with keys issued by a licensed Vietnamese CA; this class exists so that a demo or a
 * test can sign and verify end to end without one. Issued certificates keep {@code O} for the agency's own name and
 * carry an extra {@code OU=DEMO}, so that no demo certificate can pass for a real one.
 */
public final class DemoAuthority {

    static final String DEMO_ORGANIZATION = "MộtCửa DEMO";
    static final String DEMO_UNIT = "DEMO";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Back-dating absorbs clock skew between the machine that issues and the one that verifies. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private DemoAuthority() {
    }

    /**
     * A new self-signed CA: RSA 2048, SHA256withRSA, basicConstraints CA=true, keyCertSign+cRLSign, valid 10 years;
     * subject "CN=&lt;commonName&gt;, O=MộtCửa DEMO, C=VN"; valid from an hour before {@code now}.
     */
    public static SigningKey createAuthority(String commonName, Instant now) {
        requireText(commonName, "commonName");
        KeyPair keys = rsaKeyPair();
        X500Name subject = name(commonName, null, DEMO_ORGANIZATION);
        Instant notBefore = now.minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(10).toInstant();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = certificate(builder, signer(keys));
            return new SigningKey(keys.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the demo authority", e);
        }
    }

    /**
     * An end-entity signing certificate issued by the authority: RSA 2048, digitalSignature+nonRepudiation, valid 3
     * years (never past the authority's own expiry); subject "CN=&lt;commonName&gt;, OU=DEMO, O=&lt;organization&gt;,
     * C=VN" as UTF8 strings so Vietnamese names survive; chain = [cert, authority cert].
     */
    public static SigningKey issue(SigningKey authority, String commonName, String organization, Instant now) {
        Objects.requireNonNull(authority, "authority");
        requireText(commonName, "commonName");
        requireText(organization, "organization");
        X509Certificate issuer = authority.certificate();
        if (issuer.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("The issuing key is not a certification authority");
        }
        KeyPair keys = rsaKeyPair();
        Instant notBefore = now.minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(3).toInstant();
        if (notAfter.isAfter(issuer.getNotAfter().toInstant())) {
            notAfter = issuer.getNotAfter().toInstant();
        }
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serialNumber(),
                    Date.from(notBefore), Date.from(notAfter), name(commonName, DEMO_UNIT, organization),
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(issuer));
            X509Certificate certificate = certificate(builder,
                    new JcaContentSignerBuilder("SHA256withRSA").build(authority.privateKey()));
            return new SigningKey(keys.getPrivate(), List.of(certificate, issuer));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a demo certificate", e);
        }
    }

    /** BCStyle encodes CN, OU and O as UTF8String (Vietnamese needs it) and C as PrintableString, as RFC 5280 asks. */
    private static X500Name name(String commonName, String unit, String organization) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName);
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        return builder.addRDN(BCStyle.O, organization).addRDN(BCStyle.C, "VN").build();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static ContentSigner signer(KeyPair keys) {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("SHA256withRSA is not available", e);
        }
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, ContentSigner signer)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** 127 random bits: positive, unpredictable and within the 20 octets RFC 5280 allows. */
    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).setBit(120);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }
}
