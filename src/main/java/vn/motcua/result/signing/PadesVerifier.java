package vn.motcua.result.signing;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.motcua.result.signing.Verdict.Status;

/**
 * Verifies PAdES / PDF signatures offline against a fixed set of trusted authorities.
 *
 * <p>Deliberately strict and self-contained: it answers "is this exactly the file the agency signed, and is the
 * agency's certificate vouched for?" without network access. It does not check revocation (no CRL/OCSP) and does not
 * evaluate timestamps, so the signing time is the signer's claim; documents carrying a document timestamp or other
 * later additions after the last signature are reported as ALTERED, because bytes were added after signing.
 *
 * <p>Every byte outside /Contents is covered by the digest. Inside /Contents, the CMS protects its signed parts
 * (signed attributes, the signer certificate through signing-certificate-v2) and the zero padding is required, but
 * CMS leaves some fields unsigned by design (for example the extra certificates); changing those does not change
 * what was signed, and a damaged intermediate simply fails the chain.
 *
 * <p>The checks live in {@link SignatureIntegrity} (the bytes) and {@link CertificatePath} (the trust); this class
 * reads the signatures, orders them and ranks what the checks found into one {@link Verdict}.
 */
public final class PadesVerifier {

    private PadesVerifier() {
    }

    /**
     * Checks the PDF's signatures. VALID only if: there is at least one signature; for each, the CMS signature value
     * verifies with the signer certificate, the message digest attribute equals the digest (SHA-256, or SHA-384/512
     * from other signing tools) of the signed byte range, and the byte range is well formed (starts at 0, ends in the
     * file, and excludes exactly that signature's /Contents hex string); the last signature's byte range covers the
     * whole file (no bytes appended after signing); and the signer certificate chains (signature check of each link,
     * validity at signing time) to one of trustedAuthorities. ALTERED when a digest, structure or coverage check fails
     * (any changed, added or removed byte), UNTRUSTED when the signature is intact but the chain does not reach a
     * trusted authority (or its format cannot be checked here), NOT_SIGNED when the PDF has no signature, UNREADABLE
     * when the bytes are not a readable PDF. signer/organization are the CN and O of the last signer's certificate,
     * signedAt is the CMS signing-time attribute or else /M; detail is a short English explanation for logs. Never
     * throws on bad input. {@code now} is when the chain is checked for a signature that states no signing time.
     */
    public static Verdict verify(byte[] pdf, Collection<X509Certificate> trustedAuthorities, Instant now) {
        try {
            List<X509Certificate> trusted = trustedAuthorities == null ? List.of()
                    : trustedAuthorities.stream().filter(Objects::nonNull).toList();
            return check(pdf, trusted, now);
        } catch (Exception | StackOverflowError e) {
            // Hostile or broken files must not take the caller down; a deeply nested PDF can overflow the parser.
            return new Verdict(Status.UNREADABLE, null, null, null, "Cannot check the PDF: " + e);
        }
    }

    private static Verdict check(byte[] pdf, List<X509Certificate> trusted, Instant now) {
        if (pdf == null || !PadesSigner.hasPdfHeader(pdf)) {
            return new Verdict(Status.UNREADABLE, null, null, null, "Not a PDF: no %PDF- header");
        }
        List<SignatureField> fields = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                fields.add(new SignatureField(signature.getByteRange(), signature.getSubFilter(),
                        signature.getContents(), instant(signature.getSignDate())));
            }
        } catch (InvalidPasswordException e) {
            return new Verdict(Status.UNREADABLE, null, null, null, "The PDF is password-protected");
        } catch (IOException | RuntimeException e) {
            return new Verdict(Status.UNREADABLE, null, null, null, "Not a readable PDF: " + e.getMessage());
        }
        if (fields.isEmpty()) {
            return new Verdict(Status.NOT_SIGNED, null, null, null, "The PDF has no signature");
        }
        // Field order is form order, not signing order: the signature that ends last in the file was applied last.
        fields.sort(Comparator.comparingLong(SignatureField::end));

        // ALTERED outranks UNTRUSTED: keep checking the other signatures after one in a format we cannot verify.
        List<IntactSignature> checked = new ArrayList<>();
        String unsupported = null;
        for (int i = 0; i < fields.size(); i++) {
            String which = "Signature " + (i + 1) + " of " + fields.size();
            try {
                checked.add(SignatureIntegrity.check(pdf, fields.get(i)));
            } catch (SignatureFailure failure) {
                if (failure.status != Status.UNTRUSTED) {
                    return verdict(failure.status, null, which + ": " + failure.getMessage());
                }
                checked.add(null);
                if (unsupported == null) {
                    unsupported = which + " cannot be verified: " + failure.getMessage();
                }
            }
        }
        IntactSignature last = checked.getLast();
        long end = fields.getLast().end();
        if (end != pdf.length) {
            return verdict(Status.ALTERED, last, (pdf.length - end) + " bytes were added after the last signature");
        }
        if (unsupported != null) {
            return verdict(Status.UNTRUSTED, last, unsupported);
        }
        for (int i = 0; i < checked.size(); i++) {
            String problem = CertificatePath.trustProblem(checked.get(i), trusted, now);
            if (problem != null) {
                return verdict(Status.UNTRUSTED, last,
                        "Signature " + (i + 1) + " of " + checked.size() + " is intact but " + problem);
            }
        }
        return verdict(Status.VALID, last, checked.size() == 1
                ? "Intact, covers the whole file, signer chains to a trusted authority"
                : checked.size() + " signatures intact, the last covers the whole file, all signers trusted");
    }

    private static Verdict verdict(Status status, IntactSignature signature, String detail) {
        if (signature == null) {
            return new Verdict(status, null, null, null, detail);
        }
        return new Verdict(status, CertificateNames.commonName(signature.certificate()),
                CertificateNames.attribute(signature.certificate(), BCStyle.O), signature.signedAt(), detail);
    }

    private static Instant instant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }
}
