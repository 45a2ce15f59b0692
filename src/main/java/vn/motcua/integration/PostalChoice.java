package vn.motcua.integration;

import java.io.Serializable;
import java.util.Set;

/**
 * What the applicant asks the postal service for on their dossier: a pickup of the paper documents, a delivery of
 * the result, or both, from and to one address. Serializable: it is kept in the session (as a flash attribute) when
 * the form comes back with problems.
 */
public record PostalChoice(Set<ShipmentKind> kinds, String recipientName, String phone, String address, String note)
        implements Serializable {

    public PostalChoice {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
}
