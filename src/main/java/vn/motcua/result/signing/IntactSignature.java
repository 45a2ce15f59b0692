package vn.motcua.result.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** An intact signature: who signed, the certificates it carries for the chain, and when it claims to be. */
record IntactSignature(X509Certificate certificate, List<X509Certificate> embedded, Instant signedAt) {
}
