package vn.motcua.notification.internal;

import static vn.motcua.platform.text.Texts.blankToNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.ApologyIssued;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.dossier.TrackingLinks;
import vn.motcua.feedback.RatingLinks;
import vn.motcua.notification.internal.DeliveryRepository.NewDelivery;

/**
 * Turns dossier events into deliveries to the applicant, one per channel. Each listener runs after the dossier's
 * transaction committed, in its own transaction; it only renders and stores, sending is the dispatcher's job. Until a
 * listener succeeds its event stays incomplete in the event publication registry and is delivered again; the
 * deliveries' unique key makes that harmless.
 */
@Component
class DossierNotifications {

    private final DeliveryRepository deliveries;
    private final NoticeTemplates templates;
    private final ZoneId zone;
    private final RatingLinks ratingLinks;
    private final TrackingLinks trackingLinks;

    DossierNotifications(DeliveryRepository deliveries, NoticeTemplates templates, NotificationProperties properties,
                         RatingLinks ratingLinks, TrackingLinks trackingLinks) {
        this.deliveries = deliveries;
        this.trackingLinks = trackingLinks;
        this.ratingLinks = ratingLinks;
        this.templates = templates;
        this.zone = properties.timeZone();
    }

    @ApplicationModuleListener
    void on(DossierReceived event) {
        Map<String, Object> details = new HashMap<>();
        details.put("receivedAt", local(event.receivedAt()));
        details.put("dueAt", local(event.dueAt()));
        notify(EventKind.RECEIVED, event.dossier(), event.receivedAt(), details);
    }

    @ApplicationModuleListener
    void on(SupplementRequested event) {
        Map<String, Object> details = new HashMap<>();
        details.put("items", event.items());
        details.put("note", blankToNull(event.note()));
        notify(EventKind.SUPPLEMENT_REQUESTED, event.dossier(), event.at(), details);
    }

    @ApplicationModuleListener
    void on(DossierRefused event) {
        Map<String, Object> details = new HashMap<>();
        details.put("reason", blankToNull(event.reason()));
        notify(EventKind.REFUSED, event.dossier(), event.at(), details);
    }

    /** The result notice carries the signed link to rate the handling, without signing in. */
    @ApplicationModuleListener
    void on(ResultReady event) {
        Map<String, Object> details = new HashMap<>();
        details.put("ratingUrl", ratingLinks.url(event.dossier().code()).orElse(null));
        notify(EventKind.RESULT_READY, event.dossier(), event.at(), details);
    }

    @ApplicationModuleListener
    void on(ApologyIssued event) {
        Map<String, Object> details = new HashMap<>();
        details.put("originalDueAt", local(event.originalDueAt()));
        details.put("newDueAt", local(event.newDueAt()));
        details.put("reason", blankToNull(event.reason()));
        notify(EventKind.APOLOGY_ISSUED, event.dossier(), event.at(), details);
    }

    private void notify(EventKind kind, DossierRef dossier, Instant at, Map<String, Object> details) {
        Applicant applicant = dossier.applicant();
        Map<String, Object> model = new HashMap<>(details);
        model.put("code", dossier.code());
        model.put("procedureName", dossier.procedureName());
        model.put("agencyName", dossier.competentAgencyName());
        model.put("fullName", applicant.fullName());
        model.put("organizationName", blankToNull(applicant.organizationName()));
        model.put("trackingUrl", trackingLinks.of(dossier.code())); // with the dossier's key: nothing to type

        NoticeTemplates.Email email = templates.email(kind, model);
        add(new NewDelivery(dossier.code(), kind, at, NotificationChannel.EMAIL, applicant.email(), email.subject(),
                        email.body()),
                Recipients::email, "no email address", "not a valid email address");
        add(new NewDelivery(dossier.code(), kind, at, NotificationChannel.SMS, applicant.phone(), null,
                        SmsText.fold(templates.sms(kind, model))),
                Recipients::phone, "no phone number", "not a valid phone number");
    }

    /** Stores the delivery to the normalised address, or as SKIPPED when the applicant gave no usable one. */
    private void add(NewDelivery delivery, Function<String, Optional<String>> normalise, String missing,
                     String invalid) {
        String written = blankToNull(delivery.recipient());
        if (written == null) {
            deliveries.addSkipped(delivery, missing);
            return;
        }
        normalise.apply(written).ifPresentOrElse(
                address -> deliveries.addPending(delivery.to(address)),
                () -> deliveries.addSkipped(delivery, invalid));
    }

    private ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone);
    }
}
