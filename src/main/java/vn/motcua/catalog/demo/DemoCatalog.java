package vn.motcua.catalog.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.internal.CatalogRepository;
import vn.motcua.catalog.transfer.CatalogFileException;
import vn.motcua.catalog.transfer.CatalogImports;

/**
 * Demo mode: loads the demo catalog (real procedures, written from the national procedure database) into an empty
 * catalog, through the same import that provinces use, so it is checked by the same rules.
 */
@Component
@Order(30)
@ConditionalOnProperty("motcua.demo.enabled")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CatalogImports imports;
    private final CatalogRepository repository;

    DemoCatalog(CatalogImports imports, CatalogRepository repository) {
        this.imports = imports;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (repository.count() > 0) {
            return;
        }
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi-VN"));
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/demo/*.json")) {
                CatalogImports.Status status = imports.importNow(file.getFilename(), file.getContentAsByteArray(), "demo");
                if (!status.rejections().isEmpty() || status.error() != null) {
                    throw new IllegalStateException("Demo catalog " + file.getFilename() + " has rejected rows: "
                            + status.rejections() + " " + status.error());
                }
                log.info("Demo catalog {}: {} procedures", file.getFilename(), status.accepted());
            }
        } catch (CatalogFileException e) {
            throw new UncheckedIOException(new IOException("Demo catalog unreadable: " + e.messageKey()));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
