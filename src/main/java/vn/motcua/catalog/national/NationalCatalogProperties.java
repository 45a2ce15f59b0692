package vn.motcua.catalog.national;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connection to the national procedure database (Cơ sở dữ liệu quốc gia về TTHC), {@code motcua.national-catalog.*}.
 * Without {@code url} the import is off and its page says so (in demo mode a labelled sandbox on loopback takes its
 * place, {@link NationalCatalogSandbox}). Secrets belong in the environment, never in the repository.
 *
 * @param url           the endpoint that answers {@code LayThuTuc} and {@code LayDanhSachTTHC} (POST, JSON)
 * @param token         sent as {@code Authorization: Bearer <token>}; unset sends no such header
 * @param signingSecret the key of the HMAC-SHA256 {@code X-Signature} every answer must carry; an answer without a
 *                      valid one is refused
 * @param timeout       for connecting and for each answer; a timeout is a failed attempt
 * @param attempts      how many times a request is tried when the answer is 5xx, cut off or late
 * @param backoff       the wait before the second attempt, doubled before each further one
 */
@ConfigurationProperties("motcua.national-catalog")
public record NationalCatalogProperties(
        URI url,
        String token,
        String signingSecret,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("500ms") Duration backoff) {

    public boolean configured() {
        return url != null;
    }
}
