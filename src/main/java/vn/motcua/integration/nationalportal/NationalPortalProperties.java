package vn.motcua.integration.nationalportal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.motcua.platform.security.HmacSignatures;

/**
 * The connection to the National Public Service Portal ({@code motcua.national-portal.*}), shared by the intake of its
 * dossiers and the status sync. Without {@code url} the connection is off (in demo mode a labelled sandbox on loopback
 * takes its place). Secrets belong in the environment, never in the repository.
 *
 * @param url           the national portal's API for this province, e.g. {@code https://api.dichvucong.example/lgsp}
 * @param token         sent as {@code Authorization: Bearer <token>}; unset sends no such header
 * @param signingSecret the shared key of the HMAC-SHA256 {@code X-Signature} header that every request we send and
 *                      every answer and push we accept carries ({@link HmacSignatures})
 * @param provinceCode  this province's code at the national portal ({@code MaDonVi})
 * @param timeout       for connecting and for each answer; a timeout is a failed attempt
 */
@ConfigurationProperties("motcua.national-portal")
public record NationalPortalProperties(
        URI url,
        String token,
        String signingSecret,
        @DefaultValue("46") String provinceCode,
        @DefaultValue("10s") Duration timeout) {

    /** Whether the connection is configured (a URL and a signing secret). */
    public boolean configured() {
        return url != null && signingSecret != null && !signingSecret.isBlank();
    }
}
