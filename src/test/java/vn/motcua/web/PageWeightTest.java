package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.support.IntegrationTest;

/**
 * Public pages stay light for a cheap phone on a weak connection: the page and every stylesheet and script it
 * loads, as sent compressed, under 150 KB; nothing loaded from another site.
 */
@IntegrationTest
class PageWeightTest {

    static final int BUDGET = 150 * 1024;
    static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|svg))\"");

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/tim-kiem?q=dang+ky+khai+sinh", "/thu-tuc", "/thu-tuc/1.001193", "/dang-nhap", "/minh-bach"})
    void publicPageWithItsAssetsIsUnderBudgetCompressed(String path) throws Exception {
        HttpResponse<byte[]> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = gunzip(page);
        assertThat(html).doesNotContain("src=\"http", "href=\"http://", "href=\"https://");
        int total = page.body().length;
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).contains("/css/site.css");
        for (String asset : assets) {
            HttpResponse<byte[]> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            total += response.body().length;
        }
        System.out.printf("page weight %s: %d bytes compressed with %d assets%n", path, total, assets.size());
        assertThat(total).isLessThan(BUDGET);
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(HttpResponse<byte[]> response) throws IOException {
        if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
