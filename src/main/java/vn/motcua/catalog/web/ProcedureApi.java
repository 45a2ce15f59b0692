package vn.motcua.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.platform.web.UserFacingException;

/** The catalog as JSON, for the national portal, other systems and apps. Public, like the pages. */
@RestController
@RequestMapping("/api/v1/procedures")
class ProcedureApi {

    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_SEARCH_LIMIT = 100;

    private final CatalogService catalog;

    ProcedureApi(CatalogService catalog) {
        this.catalog = catalog;
    }

    record ProcedurePage(List<Procedure> items, int total) {
    }

    record Hit(String code, String name, String field, ProcedureLevel level, OnlineLevel onlineLevel, float score,
               String highlight) {
    }

    record Hits(List<Hit> items) {
    }

    @GetMapping
    ProcedurePage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw UserFacingException.badRequest("api.invalid.page", MAX_PAGE_SIZE);
        }
        CatalogService.Page<Procedure> result = catalog.page(page, size);
        return new ProcedurePage(result.items(), result.total());
    }

    @GetMapping("/search")
    Hits search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
            throw UserFacingException.badRequest("api.invalid.limit", MAX_SEARCH_LIMIT);
        }
        if (q.length() > 500) {
            throw UserFacingException.badRequest("api.invalid.query");
        }
        return new Hits(catalog.search(q, limit).stream()
                .map(h -> new Hit(h.procedure().code(), h.procedure().name(), h.procedure().field(),
                        h.procedure().level(), h.procedure().onlineLevel(), h.score(), h.highlightedHtml()))
                .toList());
    }

    @GetMapping("/{code}")
    Procedure procedure(@PathVariable String code) {
        return catalog.procedure(code).orElseThrow(() -> UserFacingException.notFound("procedure.notFound", code));
    }
}
