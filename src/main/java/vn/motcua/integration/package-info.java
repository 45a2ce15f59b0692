/**
 * Links to systems outside the province's own: for now the public postal service (bưu chính công ích), which picks up
 * an applicant's paper documents at their address and delivers the result there. The applicant chooses on their
 * dossier; a pickup is booked with the postal service at once, a delivery when the result is returned by post. The
 * postal service reports progress by calling back (authenticated by a shared secret), and unfinished shipments are
 * also polled. A booking that fails is kept and retried later; it never blocks or undoes the dossier action behind it.
 * By configuration, the public domain events of dossiers, payments and ratings also go out to Kafka topics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration",
        allowedDependencies = {"dossier", "feedback", "identity", "payment", "platform"})
package vn.motcua.integration;
