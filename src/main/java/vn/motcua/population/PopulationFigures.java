package vn.motcua.population;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.population.internal.CheckRepository;

/**
 * The service index's figures from the population checks (Decision 766/QĐ-TTg): MDSH6 "dossiers using population
 * data" and MDSH7 "procedures connected to population data", read by the reporting module.
 */
@Service
public class PopulationFigures {

    private final CheckRepository checks;
    private final CatalogService catalog;

    PopulationFigures(CheckRepository checks, CatalogService catalog) {
        this.checks = checks;
        this.catalog = catalog;
    }

    /**
     * MDSH6's numerator: dossiers received by these agencies (null: the whole province) in the period whose
     * applicant's check is MATCH.
     */
    public long matchedReceived(Collection<String> agencyCodes, LocalDate from, LocalDate to) {
        return checks.matchedReceived(agencyCodes, from.atStartOfDay(VietnamTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
    }

    /**
     * MDSH7's numerator's procedures: of these, those with a document the state already holds, or with a dossier
     * received by these agencies in the period whose applicant was checked against the population database.
     */
    public Set<String> connectedProcedures(Collection<String> procedureCodes, Collection<String> agencyCodes,
                                           LocalDate from, LocalDate to) {
        Set<String> connected = new HashSet<>(checks.proceduresChecked(agencyCodes,
                from.atStartOfDay(VietnamTime.ZONE).toInstant(), to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant()));
        connected.retainAll(Set.copyOf(procedureCodes));
        Set<String> wanted = Set.copyOf(procedureCodes);
        catalog.all().stream().filter(p -> wanted.contains(p.code()))
                .filter(p -> p.documents().stream().anyMatch(RequiredDocument::heldByState))
                .forEach(p -> connected.add(p.code()));
        return connected;
    }
}
