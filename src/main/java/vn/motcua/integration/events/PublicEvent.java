package vn.motcua.integration.events;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What goes out to Kafka for one domain event: a stable, versioned shape that a province's data platform or the
 * national reporting system can follow, documented per event in {@code docs/events/*.schema.json}. It carries the
 * dossier's code, procedure, agencies, channel, status and times; never the applicant (name, identity number,
 * contacts, address) nor free text an official or applicant wrote (notes, reasons), which may name people.
 *
 * @param event       the event's name, also the topic's suffix, e.g. {@code dossier.received}
 * @param version     the shape's version; a field is only ever added within a version
 * @param dossierCode the dossier the event is about; also the record's key
 * @param occurredAt  when it happened
 * @param dossier     the dossier's facts, on the dossier's own events (absent on payment and rating events)
 * @param details     what this event adds, per event (see its schema)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicEvent(String event, int version, String dossierCode, Instant occurredAt, DossierFacts dossier,
                          Map<String, Object> details) {

    public static final int VERSION = 1;

    /**
     * The dossier as the event leaves it.
     *
     * @param status the status the event leaves the dossier in; absent on {@code dossier.supplement-received}, after
     *               which the dossier is back where it was when the supplement was requested
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DossierFacts(String procedureCode, String procedureName, String receivingAgencyCode,
                               String competentAgencyCode, String competentAgencyName, String channel,
                               String status) {
    }
}
