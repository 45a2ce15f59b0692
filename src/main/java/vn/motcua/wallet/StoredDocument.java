package vn.motcua.wallet;

import java.time.Instant;

/**
 * A document in an applicant's data store.
 *
 * @param type   its kind (BIRTH_CERTIFICATE, IDENTITY_CARD, ...), or OTHER
 * @param label  what the store calls it: the kind's name, or the document's own name for OTHER
 * @param source where it came from: "Hồ sơ <code>" or "Kết quả <code>"
 */
public record StoredDocument(long id, String type, String label, String fileName, String contentType, long size,
                             String source, Instant storedAt) {
}
