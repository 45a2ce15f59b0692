package vn.motcua.result.signing;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signer's certificate path: from the signer up through the intermediates the signature carries to one of the
 * trusted authorities, each link checked offline (issuer's signature, CA constraints, validity at the signing time).
 * No revocation check: there is no CRL or OCSP access here.
 */
final class CertificatePath {

    private static final int MAX_CHAIN_LENGTH = 8;

    private CertificatePath() {
    }

    /**
     * Why the signer is not vouched for, or null if it is. Walks up from the signer through embedded intermediates,
     * checking each link's signature and validity at the claimed signing time, until a trusted authority signs a link
     * (or the signer is itself trusted).
     */
    static String trustProblem(IntactSignature signature, List<X509Certificate> trusted, Instant now) {
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
            return "certificate " + CertificateNames.commonName(certificate) + " had expired at the signing time " + at;
        } catch (CertificateNotYetValidException e) {
            return "certificate " + CertificateNames.commonName(certificate) + " was not yet valid at the signing time " + at;
        }
    }
}
