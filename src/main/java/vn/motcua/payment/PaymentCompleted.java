package vn.motcua.payment;

import java.time.Instant;

/** A payment towards a dossier's fees was made; {@code settled} says whether the dossier is now paid in full. */
public record PaymentCompleted(String dossierCode, String reference, PaymentMethod method, long amount,
                               String receiptNumber, boolean settled, Instant at) {
}
