package vn.motcua.result.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain, signer first.
 *
 * <p>The chain travels with the key because a PAdES signature embeds it: a verifier that only trusts the root can
 * then build the path without fetching intermediates.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The certificate chain is empty; it must start with the signer");
        }
        // A key that does not belong to the certificate would produce signatures nobody can verify; fail early.
        if (privateKey instanceof RSAKey rsa && chain.getFirst().getPublicKey() instanceof RSAKey certificateKey
                && !rsa.getModulus().equals(certificateKey.getModulus())) {
            throw new IllegalArgumentException("The private key does not match the signer certificate");
        }
    }

    /** The signer certificate, the first of the chain. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /**
     * Reads the first key entry of a PKCS#12 keystore (a .p12/.pfx file as certification authorities deliver them).
     *
     * @throws IllegalArgumentException with a clear message on a wrong password, unreadable bytes or no key entry
     */
    public static SigningKey fromPkcs12(byte[] pkcs12, char[] password) {
        Objects.requireNonNull(pkcs12, "pkcs12");
        Objects.requireNonNull(password, "password");
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("Wrong password for the PKCS#12 keystore", e);
            }
            throw new IllegalArgumentException("Not a readable PKCS#12 keystore: " + e.getMessage(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Not a readable PKCS#12 keystore: " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] certificates = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey privateKey) || certificates == null || certificates.length == 0) {
                    continue;
                }
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate certificate : certificates) {
                    if (!(certificate instanceof X509Certificate x509)) {
                        throw new IllegalArgumentException("The PKCS#12 keystore holds a non-X.509 certificate");
                    }
                    chain.add(x509);
                }
                return new SigningKey(privateKey, chain);
            }
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("Wrong password for the private key in the PKCS#12 keystore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the PKCS#12 key entry: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("The PKCS#12 keystore holds no private key with a certificate chain");
    }

    /** Writes the key and its chain as a password-protected PKCS#12 keystore with a single entry named alias. */
    public byte[] toPkcs12(String alias, char[] password) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, chain.toArray(new X509Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the PKCS#12 keystore", e);
        }
    }

    /** Never prints key material, only who the key belongs to. */
    @Override
    public String toString() {
        return "SigningKey[" + certificate().getSubjectX500Principal().getName() + ", chain of " + chain.size() + "]";
    }
}
