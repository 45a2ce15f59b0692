package vn.motcua.audit;

import java.time.Instant;

/**
 * One entry of the trail as stored.
 *
 * @param stream   the chain it belongs to: the day in Vietnam and a stream number, e.g. {@code 2026-01-15/2}
 * @param seq      its place in the stream, from 1
 * @param actor    the account's username, {@code anonymous} (a request without sign-in) or {@code system}
 * @param roles    the actor's roles, comma-separated
 * @param prevHash the SHA-256 (hex) of the previous entry of the stream, zeros for the first
 * @param hash     the SHA-256 (hex) of this entry's canonical content, the previous hash included
 */
public record AuditEntry(long id, String stream, long seq, Instant at, String actor, String roles, String agencyCode,
                         String action, String subject, String dataSubject, String client, String outcome,
                         String detail, String prevHash, String hash) {
}
