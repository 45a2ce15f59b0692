package vn.motcua.integration;

import java.util.Set;

/**
 * What the applicant asks the postal service for on their dossier: a pickup of the paper documents, a delivery of
 * the result, or both, from and to one address.
 */
public record PostalChoice(Set<ShipmentKind> kinds, String recipientName, String phone, String address, String note) {

    public PostalChoice {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
}
