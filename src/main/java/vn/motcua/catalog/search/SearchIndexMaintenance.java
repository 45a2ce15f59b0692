package vn.motcua.catalog.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.motcua.catalog.CatalogChanged;
import vn.motcua.catalog.internal.CatalogRepository;
import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;

/**
 * Builds the search index at start-up (after demo data) and again after every committed catalog change, made on this
 * node or (heard as a {@link ClusterChange}) on another.
 */
@Component
@Order(100)
class SearchIndexMaintenance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);

    private final ProcedureSearch search;
    private final CatalogRepository repository;

    SearchIndexMaintenance(ProcedureSearch search, CatalogRepository repository) {
        this.search = search;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogChanged event) {
        rebuild();
    }

    @EventListener
    void on(ClusterChange change) {
        if (change.is(ClusterChanges.CATALOG)) {
            rebuild();
        }
    }

    // One at a time: the last rebuild to finish read the catalog last, so an older read never replaces a newer one.
    private synchronized void rebuild() {
        long start = System.nanoTime();
        search.rebuild(repository.findAll());
        log.info("Search index built: {} procedures in {} ms", search.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
