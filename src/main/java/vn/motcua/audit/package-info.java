/**
 * Audit: the tamper-evident trail of every change and of every access to personal data (Law 91/2025 on personal
 * data protection): who (account, roles, agency), what, which subject and whose data, when, from where, with what
 * outcome. Entries are hash-chained per stream and day; the heads are exported daily so that a deleted tail shows.
 * Changes come from the other modules' events; reads, and changes without an event, through
 * {@link vn.motcua.platform.audit.AuditTrail}. Pages: the administrators' search and integrity check, and the
 * citizen's "who looked at my data".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"catalog", "dossier", "feedback", "identity", "organization", "payment", "platform"})
package vn.motcua.audit;
