package vn.motcua.dossier;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.internal.Dossier;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;

/** What events and other modules are told of a dossier: its reference and its facts. */
@Component
class DossierRefs {

    private final OrganizationService organization;

    DossierRefs(OrganizationService organization) {
        this.organization = organization;
    }

    DossierRef ref(Dossier d) {
        return new DossierRef(d.code(), d.procedureCode(), d.procedureName(), d.receivingAgency(),
                d.competentAgency(), agencyName(d.competentAgency()), d.channel(), d.applicant());
    }

    DossierFacts facts(Dossier d) {
        return new DossierFacts(ref(d), d.status(), d.owner(), d.formData(), d.returnMethod());
    }

    String agencyName(String code) {
        return organization.agency(code).map(Agency::name).orElse(code);
    }
}
