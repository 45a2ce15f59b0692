package vn.motcua.integration;

import java.util.List;
import java.util.Map;

/**
 * What the postal panel of a dossier page shows its viewer.
 *
 * @param visible   whether the viewer may see the dossier at all; nothing is shown otherwise
 * @param available whether the postal service is configured; without it nothing can be booked
 * @param owner     whether the viewer is the applicant who may choose; officials only read
 * @param choosable the kinds the applicant may ask for now (or change, while not booked)
 * @param fees      the tariff in VND per kind
 * @param form      the values to fill the form with: the request still open, or the applicant's own details
 */
public record PostalPanel(String code, boolean visible, boolean available, boolean owner, List<Shipment> shipments,
                          List<ShipmentKind> choosable, Map<ShipmentKind, Long> fees, PostalChoice form) {

    static PostalPanel hidden(String code) {
        return new PostalPanel(code, false, false, false, List.of(), List.of(), Map.of(), null);
    }
}
