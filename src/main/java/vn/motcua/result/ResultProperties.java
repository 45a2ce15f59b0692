package vn.motcua.result;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of electronic results ({@code motcua.result.*}).
 *
 * @param keys                the signing key of each agency, by agency code: a PKCS#12 file and its password (keep
 *                            the password in the environment). Without a configured key, a demo installation creates
 *                            a demo key for the agency, issued by a demo authority, and says so on the document;
 *                            outside demo mode the agency cannot issue electronic results.
 * @param trustedAuthorities  certificates (PEM or DER) of the authorities whose signatures verification accepts,
 *                            besides the demo authority of a demo installation
 */
@ConfigurationProperties("motcua.result")
public record ResultProperties(@DefaultValue Map<String, Key> keys, @DefaultValue List<Path> trustedAuthorities) {

    public record Key(Path pkcs12, String password) {
    }
}
