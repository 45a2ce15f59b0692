package vn.motcua.integration.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.dossier.DossierTransferred;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.feedback.RatingGiven;
import vn.motcua.integration.events.PublicEvent.DossierFacts;
import vn.motcua.payment.PaymentCompleted;

/**
 * The domain events that leave the application, each with its public name (the topic's suffix) and its public shape.
 * Adding an event here needs its schema in {@code docs/events/} and a line in the README's "Events to Kafka".
 */
final class PublicEvents {

    /** One externalised event type: its name, the dossier it is about, and its public shape. */
    record Route<E>(Class<E> type, String name, Function<E, String> dossierCode, Function<E, PublicEvent> shape) {

        PublicEvent publicEvent(Object event) {
            return shape.apply(type.cast(event));
        }

        String key(Object event) {
            return dossierCode.apply(type.cast(event));
        }
    }

    static final List<Route<?>> ALL = List.of(
            dossier(DossierSubmitted.class, "dossier.submitted", DossierSubmitted::dossier, DossierSubmitted::at,
                    DossierStatus.SUBMITTED, e -> details()),
            dossier(DossierReceived.class, "dossier.received", DossierReceived::dossier, DossierReceived::receivedAt,
                    DossierStatus.RECEIVED, e -> details("dueAt", e.dueAt(), "digitisedFiles", e.digitisedFiles(),
                            "storedDocuments", e.storedDocuments())),
            dossier(DossierTransferred.class, "dossier.transferred", DossierTransferred::dossier,
                    DossierTransferred::at, DossierStatus.PROCESSING,
                    e -> details("childDossierCode", e.childCode(), "targetAgencyCode", e.targetAgency())),
            // The items name documents ("bản sao giấy chứng sinh"); the officer's note to the applicant stays home.
            dossier(SupplementRequested.class, "dossier.supplement-requested", SupplementRequested::dossier,
                    SupplementRequested::at, DossierStatus.SUPPLEMENT_REQUESTED, e -> details("items", e.items())),
            dossier(SupplementReceived.class, "dossier.supplement-received", SupplementReceived::dossier,
                    SupplementReceived::at, null, e -> details("dueAt", e.dueAt(), "legalDueAt", e.legalDueAt())),
            dossier(ResultReady.class, "dossier.result-ready", ResultReady::dossier, ResultReady::at,
                    DossierStatus.RESULT_READY, e -> details()),
            dossier(DossierReturned.class, "dossier.returned", DossierReturned::dossier, DossierReturned::at,
                    DossierStatus.RETURNED,
                    e -> details("returnMethod", e.returnMethod(), "timeliness", e.timeliness())),
            // The reason is free text written to the applicant: it stays home.
            dossier(DossierRefused.class, "dossier.refused", DossierRefused::dossier, DossierRefused::at,
                    DossierStatus.REFUSED, e -> details()),
            dossier(DossierWithdrawn.class, "dossier.withdrawn", DossierWithdrawn::dossier, DossierWithdrawn::at,
                    DossierStatus.WITHDRAWN, e -> details()),
            // The payment's own reference (the gateway's order) stays home; the receipt number is public on the receipt.
            new Route<>(PaymentCompleted.class, "payment.completed", PaymentCompleted::dossierCode,
                    e -> new PublicEvent("payment.completed", PublicEvent.VERSION, e.dossierCode(), e.at(), null,
                            details("amount", e.amount(), "method", e.method().name(), "settled", e.settled(),
                                    "receiptNumber", e.receiptNumber()))),
            new Route<>(RatingGiven.class, "feedback.rated", RatingGiven::dossierCode,
                    e -> new PublicEvent("feedback.rated", PublicEvent.VERSION, e.dossierCode(), e.at(), null,
                            details("competentAgencyCode", e.agencyCode(), "procedureCode", e.procedureCode(),
                                    "via", e.via(), "satisfied", e.satisfied()))));

    private PublicEvents() {
    }

    static Optional<Route<?>> routeOf(Object event) {
        return ALL.stream().filter(r -> r.type().isInstance(event)).findFirst();
    }

    private static <E> Route<E> dossier(Class<E> type, String name, Function<E, DossierRef> ref,
                                        Function<E, Instant> at, DossierStatus status,
                                        Function<E, Map<String, Object>> details) {
        return new Route<>(type, name, e -> ref.apply(e).code(), e -> {
            DossierRef d = ref.apply(e);
            return new PublicEvent(name, PublicEvent.VERSION, d.code(), at.apply(e),
                    new DossierFacts(d.procedureCode(), d.procedureName(), d.receivingAgencyCode(),
                            d.competentAgencyCode(), d.competentAgencyName(), d.channel().name(),
                            status == null ? null : status.name()),
                    details.apply(e));
        });
    }

    /** Name-value pairs in order, leaving out the values that are absent. */
    private static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                details.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return details;
    }
}
