package vn.motcua.organization.web;

import vn.motcua.organization.Agency;

/** The agency editor's fields, as typed. */
public class AgencyForm {

    public String code, name, shortName, kind, parentCode, address, phone, email, effectiveFrom, effectiveTo;

    static AgencyForm of(Agency a) {
        AgencyForm f = new AgencyForm();
        f.code = a.code();
        f.name = a.name();
        f.shortName = a.shortName();
        f.kind = a.kind().name();
        f.parentCode = a.parentCode();
        f.address = a.address();
        f.phone = a.phone();
        f.email = a.email();
        f.effectiveFrom = a.effectiveFrom() == null ? null : a.effectiveFrom().toString();
        f.effectiveTo = a.effectiveTo() == null ? null : a.effectiveTo().toString();
        return f;
    }

    /** The agency it describes; a merger's successor is kept from {@code before}, since only a merger sets it. */
    Agency toAgency(Agency before) {
        return new Agency(FormValues.text(code), FormValues.text(name), FormValues.text(shortName),
                FormValues.kind(kind), FormValues.text(parentCode), FormValues.text(address), FormValues.text(phone),
                FormValues.text(email), FormValues.date(effectiveFrom), FormValues.date(effectiveTo),
                before == null ? null : before.successorCode());
    }
}
