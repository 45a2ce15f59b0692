package vn.motcua.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.MotCuaApplication;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.transfer.CatalogImports;

/**
 * Search latency over a province-sized catalog. Starts the whole application on a throw-away embedded PostgreSQL
 * with the demo catalog, grows the catalog past 2,000 procedures with generated variants of the real ones (the
 * "cấp lại", "gia hạn", "điều chỉnh" siblings a real catalog is full of), then runs the same queries in-process and
 * over HTTP, sequentially, and prints p50/p95/p99.
 *
 * <p>Run: {@code bench/search-bench.sh [procedures] [queries]} (defaults 2,400 and 2,000).
 */
public final class SearchBench {

    private static final String[] VARIANTS = {"Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh nội dung", "Thu hồi",
            "Đính chính", "Xác nhận", "Thẩm định hồ sơ", "Phê duyệt", "Bổ sung", "Chấm dứt", "Công nhận", "Tạm dừng",
            "Thông báo", "Cấp bản sao"};

    public static void main(String[] args) throws Exception {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 2400;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.setProperty("motcua.database.temporary", "true");
        System.setProperty("logging.level.root", "WARN");
        ConfigurableApplicationContext app = new SpringApplication(MotCuaApplication.class)
                .run("--spring.profiles.active=demo", "--server.port=0");
        try {
            CatalogService catalog = app.getBean(CatalogService.class);
            grow(catalog, app.getBean(CatalogImports.class), app.getBean(JsonMapper.class), target);
            List<Procedure> all = catalog.all();
            System.out.printf("catalog: %d procedures in %d fields%n", all.size(),
                    all.stream().map(Procedure::field).distinct().count());

            List<String> queries = queries(all, queryCount);
            for (int i = 0; i < 500; i++) {
                catalog.search(queries.get(i % queries.size()), 10);
            }
            long[] inProcess = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                catalog.search(queries.get(i), 10);
                inProcess[i] = System.nanoTime() - start;
            }
            Latencies.print("in-process CatalogService.search", "queries", inProcess);

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 300; i++) {
                get(http, port, queries.get(i % queries.size()));
            }
            long[] overHttp = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = get(http, port, queries.get(i));
                overHttp[i] = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + " for " + queries.get(i));
                }
            }
            Latencies.print("HTTP GET /api/v1/procedures/search (loopback, one client)", "queries", overHttp);
        } finally {
            app.close();
        }
    }

    /** Adds generated variants of the real procedures until the catalog holds {@code target} procedures. */
    private static void grow(CatalogService catalog, CatalogImports imports, JsonMapper json, int target) throws Exception {
        List<Procedure> base = catalog.all();
        List<Procedure> extra = new ArrayList<>();
        int n = 0;
        for (int round = 0; base.size() + extra.size() < target; round++) {
            for (Procedure p : base) {
                if (base.size() + extra.size() >= target) {
                    break;
                }
                String verb = VARIANTS[round % VARIANTS.length];
                String name = verb + " " + Character.toLowerCase(p.name().charAt(0)) + p.name().substring(1)
                        + (round >= VARIANTS.length ? " (trường hợp " + (round / VARIANTS.length + 1) + ")" : "");
                extra.add(new Procedure(String.format("2.9%05d", n++), name, p.field(), p.level(),
                        p.implementingAgency(), p.agencies(), p.onlineLevel(), p.processingDays(), p.processingTime(),
                        p.fees(), p.feeNote(), p.documents(), p.applicantTypes(), p.requirements(), p.legalBasis(),
                        p.result(), p.steps(), p.formFields()));
            }
        }
        byte[] file = json.writeValueAsBytes(java.util.Map.of("format", "motcua-catalog/1", "procedures", extra));
        long start = System.nanoTime();
        CatalogImports.Status status = imports.importNow("bench.json", file, "bench");
        System.out.printf("import: %d generated procedures in %.1f s (%d rejected)%n", status.accepted(),
                (System.nanoTime() - start) / 1e9, status.rejections().size());
    }

    /** Queries as people type them: names with and without diacritics, pieces of names, everyday words, typos. */
    private static List<String> queries(List<Procedure> all, int count) {
        Random random = new Random(42);
        List<String> everyday = List.of("làm sổ đỏ", "nhap ho khau", "đổi bằng lái", "công chứng bản sao",
                "giấy phép kinh doanh", "thanh lap cty tnhh mtv", "xin giấy độc thân", "lý lịch tư pháp",
                "tro cap that nghiep", "xay nha", "khai sinh cho con", "dang ky ket hon voi nguoi nuoc ngoai");
        List<String> queries = new ArrayList<>();
        while (queries.size() < count) {
            Procedure p = all.get(random.nextInt(all.size()));
            String[] words = p.name().split("\\s+");
            int from = random.nextInt(Math.max(1, words.length - 2));
            String piece = String.join(" ", Arrays.copyOfRange(words, from, Math.min(words.length, from + 2 + random.nextInt(4))));
            switch (queries.size() % 5) {
                case 0 -> queries.add(p.name());
                case 1 -> queries.add(vn.motcua.platform.text.VietnameseText.fold(piece));
                case 2 -> queries.add(piece);
                case 3 -> queries.add(everyday.get(random.nextInt(everyday.size())));
                default -> queries.add(typo(vn.motcua.platform.text.VietnameseText.fold(piece), random));
            }
        }
        return queries;
    }

    private static String typo(String text, Random random) {
        if (text.length() < 4) {
            return text;
        }
        int i = 1 + random.nextInt(text.length() - 2);
        char[] chars = text.toCharArray();
        char c = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = c;
        return new String(chars);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/procedures/search?limit=10&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
