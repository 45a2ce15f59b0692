package vn.motcua.catalog.web;

import static vn.motcua.platform.text.Texts.blankToNull;

import java.util.Map;
import java.util.Objects;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.internal.FormTemplates;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;

/** The public pages of the catalog: home with search, search results, browsing, and a procedure's page. */
@Controller
class ProcedurePages {

    static final int SEARCH_LIMIT = 30;
    static final int PAGE_SIZE = 25;

    private final CatalogService catalog;
    private final OrganizationService organization;
    private final FormTemplates templates;

    ProcedurePages(CatalogService catalog, OrganizationService organization, FormTemplates templates) {
        this.templates = templates;
        this.catalog = catalog;
        this.organization = organization;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("fields", catalog.fields());
        return "catalog/home";
    }

    @GetMapping("/tim-kiem")
    String search(@RequestParam(name = "q", defaultValue = "") String q, Model model) {
        if (q.isBlank()) {
            return "redirect:/";
        }
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        model.addAttribute("hits", catalog.search(query, SEARCH_LIMIT));
        return "catalog/search";
    }

    @GetMapping("/thu-tuc")
    String browse(@RequestParam(name = "linhVuc", required = false) String field,
                  @RequestParam(name = "cap", required = false) ProcedureLevel level,
                  @RequestParam(name = "trucTuyen", required = false) OnlineLevel online,
                  @RequestParam(name = "coQuan", required = false) String agency,
                  @RequestParam(name = "trang", defaultValue = "1") int page, Model model) {
        int current = Math.max(page, 1);
        CatalogService.Page<ProcedureSummary> result = catalog.browse(blankToNull(field), level, online,
                blankToNull(agency), current - 1, PAGE_SIZE);
        model.addAttribute("procedures", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("agencies", organization.activeAgencies().stream()
                .filter(a -> a.kind() != AgencyKind.SERVICE_CENTRE).toList());
        model.addAttribute("field", blankToNull(field));
        model.addAttribute("level", level);
        model.addAttribute("online", online);
        model.addAttribute("agency", blankToNull(agency));
        return "catalog/browse";
    }

    @GetMapping("/thu-tuc/{code}")
    String procedure(@PathVariable String code, Model model) {
        Procedure procedure = find(code);
        Map<String, Agency> agencies = organization.agenciesByCode();
        model.addAttribute("procedure", procedure);
        // Each fee's exemptions in a stable order, by the fee's position.
        model.addAttribute("feeExemptions", procedure.fees().stream()
                .map(f -> f.exemptions().stream().sorted().toList()).toList());
        model.addAttribute("agencies", procedure.agencies().stream().map(agencies::get)
                .filter(Objects::nonNull).toList());
        return "catalog/procedure";
    }

    /** A blank form for a required document that has an official template, laid out from the online form. */
    @GetMapping("/thu-tuc/{code}/mau/{index}")
    ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable int index) {
        Procedure procedure = find(code);
        if (index < 0 || index >= procedure.documents().size() || procedure.documents().get(index).template() == null) {
            throw UserFacingException.notFound("error.notFound");
        }
        byte[] docx = templates.render(procedure, procedure.documents().get(index));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("mau-" + code + "-" + (index + 1) + ".docx").build().toString())
                .body(docx);
    }

    private Procedure find(String code) {
        return catalog.procedure(code).orElseThrow(() -> UserFacingException.notFound("procedure.notFound", code));
    }
}
