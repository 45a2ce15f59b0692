package vn.motcua.organization.demo;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import vn.motcua.organization.internal.OrganizationRepository;

/** Demo mode: loads the demo province (agencies, counters, staff) into an empty organisation. */
@Component
@Order(10)
@ConditionalOnProperty("motcua.demo.enabled")
class DemoOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final OrganizationRepository repository;
    private final DataSource dataSource;

    DemoOrganization(OrganizationRepository repository, DataSource dataSource) {
        this.repository = repository;
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.isEmpty()) {
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource("demo/organization.sql"));
            populator.setSqlScriptEncoding("UTF-8");
            populator.execute(dataSource);
            log.info("Demo organisation loaded");
        }
    }
}
