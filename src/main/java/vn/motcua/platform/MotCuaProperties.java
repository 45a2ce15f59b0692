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
     * @param loginThrottle how repeated failed sign-ins are slowed down
     * @param tokenLifetime lifetime of an API access token
     */
    public record Security(
            @DefaultValue LoginThrottle loginThrottle,
            @DefaultValue("1h") Duration tokenLifetime) {
    }

    /**
     * Failed sign-ins slow down further attempts, never lock an account: after {@code accountFailures} failures for
     * one username from one client address, {@code addressFailures} from one client address, or
     * {@code accountFailuresFromAnywhere} for one username from all addresses together, the attempts so counted are
     * refused without checking the password for {@code firstDelay}, then twice as long after each further failure,
     * up to {@code maxDelay}.
     *
     * @param accountFailures failures for one username from one address before its attempts from there slow down
     * @param addressFailures failures from one client address before its attempts are slowed down
     * @param firstDelay      the first wait
     * @param maxDelay        the longest wait
     * @param forgetAfter     a count whose last failure is older than this starts again from zero
     * @param keepFailures    how long the record of failed sign-ins is kept
     * @param accountFailuresFromAnywhere failures for one username from every address before all its attempts slow
     *                        down (guessing spread over many addresses)
     */
    public record LoginThrottle(
            @DefaultValue("5") int accountFailures,
            @DefaultValue("20") int addressFailures,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("5m") Duration maxDelay,
            @DefaultValue("1h") Duration forgetAfter,
            @DefaultValue("180d") Duration keepFailures,
            @DefaultValue("50") int accountFailuresFromAnywhere) {
    }
}
