package vn.motcua.certification.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.motcua.certification.CertifiedCopy;
import vn.motcua.result.VerifiableDocuments;

/**
 * Lets {@code /xac-thuc} verify electronic certified copies: by the reference printed beside the QR code, or by a
 * file whose SHA-256 is a signed copy's. It tells what the copy is, who certified it and when; never whose it is.
 */
@Component
class CopyVerification implements VerifiableDocuments {

    private final CertificationRepository books;

    CopyVerification(CertificationRepository books) {
        this.books = books;
    }

    @Override
    public Optional<VerifiedDocument> byNumber(String number) {
        return books.findByReference(number.toUpperCase(Locale.ROOT)).filter(CertifiedCopy::electronic).map(CopyVerification::shown);
    }

    @Override
    public Optional<VerifiedDocument> bySha256(String sha256) {
        return books.findBySha256(sha256).map(CopyVerification::shown);
    }

    private static VerifiedDocument shown(CertifiedCopy copy) {
        String certifier = copy.certifierTitle() == null || copy.certifierTitle().isBlank() ? copy.certifierName()
                : copy.certifierName() + " – " + copy.certifierTitle();
        return new VerifiedDocument("certification.verify.kind", copy.reference(), copy.agencyCode(), certifier,
                copy.signer(), copy.certifiedAt(), copy.sha256(), copy.demo());
    }
}
