package vn.motcua.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.motcua.platform.audit.AuditAction;

/**
 * Every audit action has its label in both bundles (the Vietnamese ones and their {@code _en} twins): the audit pages
 * and "Ai đã xem dữ liệu của tôi" print it, and a missing one shows as a long key that widens the page.
 */
class AuditLabelsTest {

    @Test
    void everyAuditActionHasAVietnameseAndAnEnglishLabel() throws IOException {
        for (boolean english : new boolean[]{false, true}) {
            Properties labels = bundles(english);
            List<String> missing = Arrays.stream(AuditAction.values()).map(a -> "audit.action." + a.name())
                    .filter(key -> labels.getProperty(key, "").isBlank()).toList();
            assertThat(missing).as(english ? "English" : "Vietnamese").isEmpty();
        }
    }

    private static Properties bundles(boolean english) throws IOException {
        Properties all = new Properties();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:messages*.properties", "classpath*:i18n/*.properties")) {
            for (Resource r : resolver.getResources(pattern)) {
                if (r.getFilename().endsWith("_en.properties") == english) {
                    try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                        all.load(in);
                    }
                }
            }
        }
        return all;
    }
}
