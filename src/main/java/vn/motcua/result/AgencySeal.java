package vn.motcua.result;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.result.internal.ResultKeys;
import vn.motcua.result.signing.PadesSigner;

/**
 * Signs a document other than a dossier's result (a certified copy) with the agency's own key, the same PAdES
 * signature and the same trusted authorities as results, so that {@code /xac-thuc} checks both alike.
 */
@Service
public class AgencySeal {

    private final ResultKeys keys;
    private final MotCuaProperties motcua;

    AgencySeal(ResultKeys keys, MotCuaProperties motcua) {
        this.keys = keys;
        this.motcua = motcua;
    }

    /** Who signs for the agency, and whether that is a demo key; known before the document is laid out. */
    public record Signer(String name, boolean demo) {
    }

    /** @throws UserFacingException 409 when the agency has no signing key */
    public Signer signer(String agencyCode) {
        ResultKeys.AgencyKey key = key(agencyCode);
        return new Signer(key.signerName(), key.demo());
    }

    /** The PDF signed as PAdES B-B by the agency; the caller has laid it out and checked it. */
    public byte[] sign(String agencyCode, byte[] pdf, String reason, Instant at) {
        return PadesSigner.sign(pdf, key(agencyCode).key(), key(agencyCode).signerName(), reason, motcua.placeName(), at);
    }

    private ResultKeys.AgencyKey key(String agencyCode) {
        return keys.forAgency(agencyCode).orElseThrow(() -> new UserFacingException(
                HttpStatus.CONFLICT, "no_signing_key", "result.noKey", agencyCode));
    }
}
