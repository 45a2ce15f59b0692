package vn.motcua.result.signing;

import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The names in a certificate's subject, as a verdict and its explanations show them. */
final class CertificateNames {

    private CertificateNames() {
    }

    static String commonName(X509Certificate certificate) {
        return attribute(certificate, BCStyle.CN);
    }

    /** The first value of a subject attribute as text (UTF8String, PrintableString, BMPString...), or null. */
    static String attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : value.toString();
    }
}
