package vn.motcua.result.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.result.ResultProperties;
import vn.motcua.result.signing.DemoAuthority;
import vn.motcua.result.signing.SigningKey;

/**
 * The key each agency signs its results with, and the authorities verification trusts. A configured PKCS#12 file
 * wins. A demo installation without one gets, at first use, a demo authority and a key per agency issued by it, kept
 * under {@code <data-dir>/keys/} with a random password beside them, so that its signed results still verify after a
 * restart; such results say on their face that they are demo signatures.
 */
@Component
public class ResultKeys {

    private static final Logger log = LoggerFactory.getLogger(ResultKeys.class);

    public record AgencyKey(SigningKey key, String signerName, boolean demo) {
    }

    private final ResultProperties properties;
    private final OrganizationService organization;
    private final Clock clock;
    private final boolean demo;
    private final Path directory;
    private final Map<String, AgencyKey> keys = new ConcurrentHashMap<>();
    private final List<X509Certificate> configuredAuthorities;
    private volatile SigningKey demoAuthority;

    ResultKeys(ResultProperties properties, MotCuaProperties motcua, OrganizationService organization, Clock clock) {
        this.properties = properties;
        this.organization = organization;
        this.clock = clock;
        this.demo = motcua.demo().enabled();
        this.directory = motcua.dataDir().toAbsolutePath().resolve("keys");
        List<X509Certificate> authorities = new ArrayList<>(
                properties.trustedAuthorities().stream().map(ResultKeys::certificate).toList());
        // A configured agency key is trusted through the top of its own chain; reading it now also fails the start
        // on a wrong path or password rather than at the first result.
        properties.keys().forEach((agency, k) -> authorities.add(load(k).chain().getLast()));
        this.configuredAuthorities = List.copyOf(authorities);
    }

    /** The agency's signing key; empty when it has none (no configured key, and not a demo installation). */
    public Optional<AgencyKey> forAgency(String agencyCode) {
        AgencyKey known = keys.get(agencyCode);
        if (known != null) {
            return Optional.of(known);
        }
        String name = organization.agency(agencyCode).map(Agency::name).orElse(agencyCode);
        ResultProperties.Key configured = properties.keys().get(agencyCode);
        AgencyKey key;
        if (configured != null) {
            key = new AgencyKey(load(configured), name, false);
        } else if (demo) {
            key = new AgencyKey(demoAgencyKey(agencyCode, name), name, true);
        } else {
            return Optional.empty();
        }
        keys.put(agencyCode, key);
        return Optional.of(key);
    }

    /** The authorities whose signatures count as trusted: the configured ones, and the demo authority in demo mode. */
    public List<X509Certificate> trustedAuthorities() {
        List<X509Certificate> trusted = new ArrayList<>(configuredAuthorities);
        if (demo) {
            trusted.add(demoAuthority().certificate());
        }
        return trusted;
    }

    private synchronized SigningKey demoAgencyKey(String agencyCode, String name) {
        Path file = directory.resolve("agency-" + agencyCode.replaceAll("[^A-Za-z0-9.]", "_") + ".p12");
        if (Files.exists(file)) {
            return SigningKey.fromPkcs12(read(file), password());
        }
        SigningKey key = DemoAuthority.issue(demoAuthority(), name + " (DEMO)", name, clock.instant());
        write(file, key.toPkcs12(agencyCode, password()));
        log.warn("Created a DEMO signing key for {} ({}): its signatures are for demonstration only", name, agencyCode);
        return key;
    }

    private synchronized SigningKey demoAuthority() {
        if (demoAuthority == null) {
            Path file = directory.resolve("demo-authority.p12");
            if (Files.exists(file)) {
                demoAuthority = SigningKey.fromPkcs12(read(file), password());
            } else {
                demoAuthority = DemoAuthority.createAuthority("MộtCửa DEMO CA", clock.instant());
                write(file, demoAuthority.toPkcs12("demo-ca", password()));
                log.warn("Created a DEMO certification authority in {}: results it signs are not legally valid", file);
            }
        }
        return demoAuthority;
    }

    /** The demo keystores' password: random, made once, kept beside them (never in the repository). */
    private synchronized char[] password() {
        Path file = directory.resolve("demo-password");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(directory);
                Files.writeString(file, HexFormat.of().formatHex(random));
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SigningKey load(ResultProperties.Key key) {
        return SigningKey.fromPkcs12(read(key.pkcs12()), key.password() == null ? new char[0] : key.password().toCharArray());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
    }

    private void write(Path file, byte[] content) {
        try {
            Files.createDirectories(directory);
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate certificate(Path file) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(read(file)));
        } catch (CertificateException e) {
            throw new IllegalStateException("Not a certificate: " + file, e);
        }
    }
}
