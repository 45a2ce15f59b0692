package vn.motcua.payment;

import java.time.Instant;

/**
 * A payment order towards a dossier's fees.
 *
 * @param reference      the order's reference: the gateway's order number and the content of a bank transfer
 * @param transactionRef the gateway's transaction number, the bank's reference or the card slip number
 * @param excess         paid while the dossier was already paid in full: the money is to be refunded
 */
public record Payment(long id, String reference, String dossierCode, PaymentMethod method, long amount,
                      PaymentState state, Instant createdAt, String createdBy, Instant expiresAt, Instant paidAt,
                      String transactionRef, String bankCode, String failure, String receiptNumber, String recordedBy,
                      boolean excess) {
}
