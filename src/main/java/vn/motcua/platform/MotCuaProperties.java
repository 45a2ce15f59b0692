package vn.motcua.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a MộtCửa installation ({@code motcua.*}).
 *
 * @param dataDir  where the installation keeps its files, the embedded database among them
 * @param publicUrl the address citizens reach the portal at, for links in messages, slips and QR codes
 * @param placeName the place written in the date line of official forms ("Huế, ngày ... tháng ... năm ...")
 * @param demo     whether demo data and demo accounts exist
 * @param database the embedded database used when {@code spring.datasource.url} is not set
 * @param security login and token policy
 */
@ConfigurationProperties("motcua")
public record MotCuaProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("Huế") String placeName,
        @DefaultValue Demo demo,
        @DefaultValue Database database,
        @DefaultValue Security security) {

    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param temporary start from an empty database in a temporary folder and delete it on shutdown (tests)
     * @param port      fixed port for the embedded server, 0 for any free port
     */
    public record Database(@DefaultValue("false") boolean temporary, @DefaultValue("0") int port) {
    }

    /**
     * @param maxFailedLogins failed password attempts before an account is locked
     * @param lockout         how long a locked account stays locked
     * @param tokenLifetime   lifetime of an API access token
     */
    public record Security(
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("1h") Duration tokenLifetime) {
    }
}
