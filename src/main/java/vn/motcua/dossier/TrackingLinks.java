package vn.motcua.dossier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.security.Hashes;

/**
 * A dossier's own tracking link: its code and its random key (stored per dossier, 138 bits), which opens the public
 * tracking page at once, with nothing to guess. It goes in the QR code of the official forms and receipts and in the
 * notices to the applicant, and shows no more than the tracking page does.
 */
@Component
public class TrackingLinks {

    private final DossierRepository dossiers;
    private final String publicUrl;

    TrackingLinks(DossierRepository dossiers, MotCuaProperties properties) {
        this.dossiers = dossiers;
        this.publicUrl = properties.publicUrl();
    }

    /** The full address of the dossier's tracking page with its key; without a key for an unknown code. */
    public String of(String code) {
        String base = publicUrl + "/tra-cuu?ma=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        return dossiers.trackingKeyByCode(code).map(key -> base + "&khoa=" + key).orElse(base);
    }

    /** Compares a given key with the stored one in time that does not depend on where they differ. */
    static boolean matches(String stored, String given) {
        return Hashes.sameSecret(given, stored);
    }
}
