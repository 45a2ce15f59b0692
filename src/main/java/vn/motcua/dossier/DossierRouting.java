package vn.motcua.dossier;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.identity.AccountProfile;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.workflow.ProcessService;

/** Which procedure a new dossier is of, with its current process, and which agencies receive and decide it. */
@Component
class DossierRouting {

    private final CatalogService catalog;
    private final OrganizationService organization;
    private final ProcessService processes;

    DossierRouting(CatalogService catalog, OrganizationService organization, ProcessService processes) {
        this.catalog = catalog;
        this.organization = organization;
        this.processes = processes;
    }

    /** A new draft of the procedure, on the current version of its process. */
    Dossier newDossier(Procedure procedure, Channel channel) {
        return Dossier.draft(channel, procedure.code(), procedure.name(), procedure.processingDays(),
                processes.current(procedure.code()).id());
    }

    Procedure procedure(String code) {
        return catalog.procedure(code).orElseThrow(() -> UserFacingException.notFound("procedure.notFound", code));
    }

    Procedure onlineProcedure(String code) {
        Procedure procedure = procedure(code);
        if (!procedure.onlineLevel().acceptsOnlineSubmission()) {
            throw new UserFacingException(HttpStatus.UNPROCESSABLE_CONTENT, "not_online", "dossier.notOnline",
                    procedure.name());
        }
        return procedure;
    }

    /** Agencies that may decide a procedure: its listed agencies, or every commune for a commune-level one. */
    List<Agency> possibleAgencies(Procedure procedure) {
        if (!procedure.agencies().isEmpty()) {
            return procedure.agencies().stream().map(organization::agency).flatMap(Optional::stream).toList();
        }
        return procedure.level() == ProcedureLevel.COMMUNE ? organization.activeCommunes() : List.of();
    }

    boolean mayDecide(Procedure procedure, String agencyCode) {
        return possibleAgencies(procedure).stream().map(Agency::code).toList().contains(agencyCode);
    }

    /** The agency to decide the procedure when the applicant did not choose, if there is only one sensible choice. */
    String defaultCompetentAgency(Procedure procedure, String preferred) {
        List<Agency> possible = possibleAgencies(procedure);
        if (preferred != null && possible.stream().anyMatch(a -> a.code().equals(preferred))) {
            return preferred;
        }
        if (preferred != null) {
            return preferred.isBlank() ? null : preferred;
        }
        return possible.size() == 1 ? possible.getFirst().code() : null;
    }

    /**
     * Where an online dossier is received: a commune's own one-stop desk for commune procedures, the province's
     * public-administration service centre for the others (when there is one).
     */
    String receivingUnitFor(Procedure procedure, String competentAgency) {
        if (procedure.level() == ProcedureLevel.COMMUNE) {
            return competentAgency;
        }
        return organization.activeAgencies().stream().filter(a -> a.kind() == AgencyKind.SERVICE_CENTRE)
                .findFirst().map(Agency::code).orElse(competentAgency);
    }

    static Applicant applicantFrom(AccountProfile p) {
        return new Applicant(p.username(), p.fullName(), p.idNumber(), p.phone(), p.email(), p.address(),
                p.organizationName(), p.taxCode());
    }
}
