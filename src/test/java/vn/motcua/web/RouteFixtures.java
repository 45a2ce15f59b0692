package vn.motcua.web;

import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.transfer.CatalogImports;
import vn.motcua.dossier.DossierDrafts;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Upload;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.feedback.NewPetition;
import vn.motcua.feedback.PetitionSenders;
import vn.motcua.feedback.RatingLinks;
import vn.motcua.feedback.RatingService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.payment.BankTransfers;
import vn.motcua.payment.CounterPayments;
import vn.motcua.payment.OnlinePayments;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.reporting.export.DossierExports;
import vn.motcua.result.ResultService;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.TestData;
import vn.motcua.wallet.WalletService;
import vn.motcua.web.RouteAccess.Route;

/**
 * Concrete addresses for every route and role, from dossiers made through the application's own API and services:
 * an applicant with a dossier in each state (a draft, submitted, received, processing, waiting for a supplement,
 * refused before and after reception, with an apology, result ready, returned and rated, withdrawn, a fee to pay by
 * gateway or transfer, paid), walk-in dossiers at the counter, a petition, exports and an import. Officials of the
 * ward see its inbox with dossiers at every step.
 *
 * <p>Two independent sets are made: one that GET requests read, and one that other methods may change (a withdrawal
 * or a deleted draft must not change what the pages show to the other tests).
 */
public final class RouteFixtures {

    public static final String WARD = "000.31.01.H57";       // Phường Thuận Hóa: the demo officials work here
    /** Accounts: the official whose account the account pages are tried on (disabled, unlocked, ...). */
    static final String MATRIX_OFFICIAL = "matrix-official";
    static final String BIRTH = "1.001193";                  // Đăng ký khai sinh: free
    static final String RESIDENCE = "1.004222";              // Đăng ký thường trú: a fee
    static final Locale VI = Locale.forLanguageTag("vi");

    private static RouteFixtures made;

    /** What one person may address: their own dossiers (applicants) or the ward's (officials). */
    record World(List<String> dossiers, List<Long> drafts, List<String> dossierFiles, List<String> draftFiles,
                 List<String> forms, List<String> receipts, List<String> transfers, List<String> gatewayOrders,
                 List<String> gatewayPages, List<String> results, List<String> rated, List<String> ratingLinks,
                 List<String> counterDossiers, List<Long> wallet, List<String> tracking) {

        static World empty() {
            return new World(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }

        void addAll(World o) {
            dossiers.addAll(o.dossiers);
            dossierFiles.addAll(o.dossierFiles);
            forms.addAll(o.forms);
            receipts.addAll(o.receipts);
            results.addAll(o.results);
            rated.addAll(o.rated);
        }
    }

    record Addresses(Map<String, World> worlds) {
        World of(String role) {
            return worlds.getOrDefault(role, worlds.get("citizen"));
        }
    }

    private final Addresses view;
    private final Addresses change;
    private final Map<String, String> exports = new LinkedHashMap<>();
    private final List<String> petitions = new ArrayList<>();
    private final List<String> petitionTracking = new ArrayList<>();
    private final String importId;
    private final String templateProcedure;
    private int dossiers;
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private final java.util.Set<Long> walletTaken = new java.util.HashSet<>();

    /** The fixtures of this run, made once for all the tests that share the application. */
    public static synchronized RouteFixtures of(ApplicationContext context, int port) {
        if (made == null) {
            made = new RouteFixtures(context, port);
        }
        return made;
    }

    public int dossierCount() {
        return dossiers;
    }

    private final ApplicationContext context;
    private final int port;
    private final DossierDrafts drafts;
    private final DossierQueries queries;
    private final Accounts accounts;
    private final CatalogService catalog;
    private final long certifiedCopy;

    private RouteFixtures(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
        this.drafts = context.getBean(DossierDrafts.class);
        this.queries = context.getBean(DossierQueries.class);
        this.accounts = context.getBean(Accounts.class);
        this.catalog = context.getBean(CatalogService.class);
        this.view = makeSet();
        this.change = makeSet();
        accounts.official(MATRIX_OFFICIAL, WARD, vn.motcua.identity.Role.SPECIALIST); // Accounts
        for (String role : List.of("leader", "agency-admin", "admin")) {
            String agency = role.equals("admin") ? null : WARD;
            UUID id = context.getBean(DossierExports.class).start(role, agency, "RECEIVED",
                    LocalDate.now().withDayOfYear(1), LocalDate.now(), "Hồ sơ tiếp nhận");
            exports.put(role, id.toString());
        }
        for (String id : exports.values()) {
            waitFor(() -> context.getBean(DossierExports.class).status(UUID.fromString(id),
                    exports.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey())
                    .map(s -> s.done()).orElse(false), "export " + id);
        }
        // An import whose only row is rejected: it has a status page and changes nothing in the catalog.
        try {
            importId = context.getBean(CatalogImports.class).importNow("bad-row.json",
                    "{\"format\":\"motcua-catalog/1\",\"procedures\":[{\"code\":\"\"}]}".getBytes(StandardCharsets.UTF_8),
                    "admin").id().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        PetitionSenders petitionSenders = context.getBean(PetitionSenders.class);
        for (int i = 0; i < 4; i++) { // two to read, two for the methods that change them
            var p = petitionSenders.submit(new NewPetition("Nguyễn Văn An", "0912345678", "an@example.vn", BIRTH,
                    null, WARD, "Thời gian giải quyết hồ sơ khai sinh quá lâu, đề nghị xem xét.", true), null, VI);
            petitions.add(p.number());
            petitionTracking.add("so=" + enc(p.number()) + "&sdt=0912345678");
        }
        templateProcedure = catalog.all().stream().filter(p -> p.documents().stream().anyMatch(d -> d.template() != null))
                .map(Procedure::code).findFirst().orElse(null);
        // Certified copies: one electronic copy in the ward's book.
        certifiedCopy = context.getBean(vn.motcua.certification.CertificationService.class).certify(
                new vn.motcua.certification.CopyRequest("Trần Văn Bình", "001099012345", "Giấy khai sinh", true, true,
                        null, "khai-sinh.pdf", vn.motcua.support.TestData.realPdf("Giay khai sinh")),
                accounts.findUser("reception").orElseThrow()).id();
    }

    // ------------------------------------------------------------------ the addresses

    /** Addresses of a route for a role, from the set its method may use; an unknown route has none (null). */
    public List<String> paths(Route route, String role) {
        List<String> own = paths(route, role, (route.isGet() ? view : change).of(role));
        // A role with nothing of that kind (an official has no drafts) tries the applicant's: it must be turned away.
        for (String other : List.of("citizen", "reception")) {
            if (own == null || !own.isEmpty()) {
                return own;
            }
            own = paths(route, role, (route.isGet() ? view : change).of(other));
        }
        return own;
    }

    private List<String> paths(Route route, String role, World w) {
        boolean applicant = role.equals("citizen") || role.equals("business");
        List<String> procedures = List.of(BIRTH, RESIDENCE);
        return switch (route.pattern()) {
            case "/", "/thu-tuc", "/phan-anh-kien-nghi", "/phan-anh-kien-nghi/gui", "/phan-anh-kien-nghi/da-gui",
                 "/tro-ly", "/minh-bach", "/dang-nhap",
                 "/quan-tri", "/quan-tri/so-theo-doi", "/quan-tri/thu-phi/sao-ke",
                 "/quan-tri/bao-cao/xay-dung-lai", "/quan-tri/thu-tuc/moi", "/quan-tri/thu-tuc/nhap",
                 "/quan-tri/thu-tuc/nhap-quoc-gia", "/quan-tri/thu-tuc/nhap-quoc-gia/ap-dung", // issue 16, national catalog
                 "/quan-tri/thu-tuc/xuat.json", "/quan-tri/thu-tuc/xuat.xlsx", "/quan-tri/lich-lam-viec", "/quan-tri/chung-thuc",
                 "/quan-tri/lich-lam-viec/xoa", "/quan-tri/phan-anh", "/kho-du-lieu", "/ho-so-cua-toi",
                 "/thanh-toan/vnpay/ket-qua", "/quan-tri/bao-cao/ho-so/xuat", "/v3/api-docs", "/v3/api-docs.yaml",
                 "/error", "/api/v1/me", "/api/v1/auth/token", "/api/v1/procedures", "/api/v1/reports/service-index",
                 "/api/v1/payments/vnpay/ipn", "/api/v1/assistant/ask", "/api/v1/petitions", "/api/v1/postal/status",
                 "/api/v1/results/verify", "/phan-anh-kien-nghi/tra-cuu/bo-sung", "/phan-anh-kien-nghi/tra-cuu/danh-gia" ->
                    List.of(route.pattern());
            // Organisation: the demo ward is in every administrator's scope; nothing valid is posted
            case "/quan-tri/to-chuc", "/quan-tri/to-chuc/moi", "/quan-tri/to-chuc/sap-nhap", "/quan-tri/to-chuc/nhap",
                 "/quan-tri/to-chuc/nhap/ap-dung", "/quan-tri/to-chuc/xuat.xlsx" -> List.of(route.pattern());
            case "/quan-tri/to-chuc/{code}", "/quan-tri/to-chuc/{code}/sua", "/quan-tri/to-chuc/{code}/quay",
                 "/quan-tri/to-chuc/{code}/can-bo/moi", "/quan-tri/to-chuc/{code}/can-bo" ->
                    List.of(route.pattern().replace("{code}", WARD));
            case "/quan-tri/to-chuc/{code}/quay/{number}", "/quan-tri/to-chuc/{code}/quay/{number}/xoa" ->
                    List.of(route.pattern().replace("{code}", WARD).replace("{number}", "1"));
            case "/quan-tri/to-chuc/{code}/can-bo/{username}" ->
                    List.of(route.pattern().replace("{code}", WARD).replace("{username}", "reception"));
            // Accounts
            case "/thiet-lap", "/dat-mat-khau", "/doi-mat-khau", "/quan-tri/tai-khoan/moi" -> List.of(route.pattern());
            // Issue 16, national identity sign-in: without a pending identity the page says there is none
            case "/dang-nhap/lien-ket" -> List.of(route.pattern());
            case "/quan-tri/tai-khoan" -> route.isGet() ? List.of(route.pattern(), route.pattern() + "?q=a&vaiTro=SPECIALIST"
                    + "&trangThai=hoat-dong", route.pattern() + "?trang=x&vaiTro=X") : List.of(route.pattern());
            case "/quan-tri/tai-khoan/{username}", "/quan-tri/tai-khoan/{username}/khoa",
                 "/quan-tri/tai-khoan/{username}/mo-khoa", "/quan-tri/tai-khoan/{username}/go-chan",
                 "/quan-tri/tai-khoan/{username}/gui-lien-ket", "/quan-tri/tai-khoan/{username}/doi-mat-khau",
                 "/quan-tri/tai-khoan/{username}/mat-khau-tam" ->
                    expand(route, "username", List.of(MATRIX_OFFICIAL));
            case "/xac-thuc" -> route.isGet() ? concat(List.of("/xac-thuc"),
                    w.results().stream().map(n -> "/xac-thuc?so=" + enc(n)).toList()) : List.of("/xac-thuc");
            case "/ai-da-xem", "/quan-tri/nhat-ky/kiem-tra" -> List.of(route.pattern());
            // Notification templates and delivery log
            case "/quan-tri/mau-thong-bao", "/api/v1/notifications/sms/receipts" -> List.of(route.pattern());
            case "/quan-tri/mau-thong-bao/{name}", "/quan-tri/mau-thong-bao/{name}/xem-truoc",
                 "/quan-tri/mau-thong-bao/{name}/mac-dinh" -> expand(route, "name", List.of("received-email", "result-ready-sms"));
            // National portal status sync (issue 16): a message id nobody has, and one that is no id at all
            case "/quan-tri/lien-thong/dong-bo", "/quan-tri/lien-thong/dong-bo/gui-lai-tat-ca" -> List.of(route.pattern());
            case "/quan-tri/lien-thong/dong-bo/{id}/gui-lai" ->
                    expand(route, "id", List.of("00000000-0000-4000-8000-000000000000", "khong-phai-ma"));
            case "/quan-tri/nhat-ky-thong-bao" -> List.of(route.pattern(),
                    route.pattern() + "?tu=2026-01-01&den=2026-12-31&kenh=SMS&trangThai=DELIVERED");
            case "/quan-tri/ho-so/{code}/thong-bao" -> expand(route, "code", w.dossiers());
            // Issue 16, intake from the national portal: the list and its filter; the push (unsigned here: 401 for all)
            case "/quan-tri/lien-thong/ho-so-den" -> List.of(route.pattern(), route.pattern() + "?trangThai=REFUSED",
                    route.pattern() + "?trangThai=x");
            case "/api/v1/national-portal/dossiers" -> List.of(route.pattern());
            case "/quan-tri/nhat-ky", "/quan-tri/nhat-ky/xuat.csv" -> List.of(route.pattern(),
                    route.pattern() + "?thaoTac=DOSSIER_VIEWED&doiTuong=000", route.pattern() + "?taiKhoan=reception&tu=2026-01-01");
            case "/tim-kiem" -> List.of("/tim-kiem", "/tim-kiem?q=khai+sinh", "/tim-kiem?q=dang+ky+thuong+tru");
            case "/tra-cuu" -> concat(List.of("/tra-cuu"), w.tracking().stream().map(t -> "/tra-cuu?" + t).toList());
            case "/phan-anh-kien-nghi/tra-cuu" -> concat(List.of(route.pattern()),
                    petitionTracking.subList(0, 2).stream().map(t -> route.pattern() + "?" + t).toList());
            case "/quan-tri/ho-so" -> List.of("/quan-tri/ho-so", "/quan-tri/ho-so?tatCa=true",
                    "/quan-tri/ho-so?trangThai=PROCESSING", "/quan-tri/ho-so?kenh=COUNTER&tatCa=true",
                    "/quan-tri/ho-so?q=khai+sinh&tatCa=true");
            case "/quan-tri/tiep-nhan" -> List.of(route.pattern(), route.pattern() + "?q=khai+sinh");
            case "/quan-tri/bao-cao" -> List.of(route.pattern(), route.pattern() + "?ky=nam", route.pattern() + "?ky=quy",
                    route.pattern() + "?coQuan=" + WARD);
            case "/quan-tri/bao-cao/ho-so" -> List.of(route.pattern() + "?chiSo=RECEIVED",
                    route.pattern() + "?chiSo=RECEIVED&ky=nam", route.pattern() + "?chiSo=RECEIVED&ky=quy");
            case "/minh-bach/xuat.xlsx" -> List.of(route.pattern() + "?bang=chi-so", route.pattern() + "?bang=xep-hang");
            case "/quan-tri/bao-cao/xuat.xlsx" -> List.of(route.pattern() + "?bang=chi-so",
                    route.pattern() + "?bang=xep-hang", route.pattern() + "?bang=kenh", route.pattern() + "?bang=xu-huong");
            case "/quan-tri/thu-tuc" -> List.of(route.pattern(), route.pattern() + "?q=khai+sinh");
            case "/api/v1/procedures/search" -> List.of(route.pattern() + "?q=khai+sinh");
            case "/api/v1/dossiers" -> route.isGet() ? List.of(route.pattern(), route.pattern() + "?status=RECEIVED")
                    : List.of(route.pattern());
            case "/thu-tuc/{code}", "/api/v1/procedures/{code}" ->
                    expand(route, "code", procedures);
            case "/nop-ho-so/{procedureCode}", "/quan-tri/tiep-nhan/{procedureCode}",
                 "/quan-tri/quy-trinh/{procedureCode}" -> expand(route, "procedureCode", procedures);
            case "/quan-tri/thu-tuc/{code}/sua" -> expand(route, "code", procedures);
            case "/thu-tuc/{code}/mau/{index}" -> templateProcedure == null ? List.of()
                    : List.of("/thu-tuc/" + templateProcedure + "/mau/" + templateIndex(templateProcedure));
            case "/quan-tri/thu-tuc/nhap/{id}" -> List.of("/quan-tri/thu-tuc/nhap/" + importId);
            case "/quan-tri/bao-cao/xuat/{id}", "/quan-tri/bao-cao/xuat/{id}/tai-ve" ->
                    expand(route, "id", List.of(exports.getOrDefault(role, exports.get("leader"))));
            case "/ho-so-cua-toi/nhap/{id}" -> w.drafts().stream().flatMap(id -> java.util.stream.Stream.of(
                    "/ho-so-cua-toi/nhap/" + id, "/ho-so-cua-toi/nhap/" + id + "?buoc=2",
                    "/ho-so-cua-toi/nhap/" + id + "?buoc=3")).toList();
            case "/ho-so-cua-toi/nhap/{id}/thong-tin", "/ho-so-cua-toi/nhap/{id}/giay-to", "/ho-so-cua-toi/nhap/{id}/xoa",
                 "/ho-so-cua-toi/nhap/{id}/nop" -> expand(route, "id", w.drafts().stream().map(String::valueOf).toList());
            case "/ho-so-cua-toi/nhap/{id}/tep/{fileId}", "/ho-so-cua-toi/nhap/{id}/xoa-tep/{fileId}" ->
                    pairs(route, w.draftFiles());
            case "/ho-so-cua-toi/{code}", "/ho-so-cua-toi/{code}/bo-sung", "/ho-so-cua-toi/{code}/rut",
                 "/quan-tri/ho-so/{code}", "/quan-tri/ho-so/{code}/thao-tac", "/api/v1/dossiers/{code}",
                 "/quan-tri/ho-so/{code}/giao", "/quan-tri/ho-so/{code}/nhan-xu-ly",
                 "/api/v1/dossiers/{code}/actions", "/api/v1/dossiers/{code}/payments",
                 "/api/v1/dossiers/{code}/postal", "/ho-so/{code}/buu-chinh", "/ho-so/{code}/buu-chinh/huy",
                 "/thanh-toan/{code}/vnpay", "/thanh-toan/{code}/chuyen-khoan", "/thanh-toan/{code}/mien-phi",
                 "/quan-tri/thu-phi/{code}", "/quan-tri/thu-phi/{code}/mien-phi", "/danh-gia/ho-so/{code}" ->
                    expand(route, "code", w.dossiers());
            case "/api/v1/dossiers/{code}/rating" -> expand(route, "code", route.isGet() ? w.rated() : w.dossiers());
            case "/ho-so-cua-toi/{code}/tep/{fileId}", "/quan-tri/ho-so/{code}/tep/{fileId}",
                 "/api/v1/dossiers/{code}/files/{id}" -> pairs(route, w.dossierFiles());
            case "/ho-so-cua-toi/{code}/mau/{number}.pdf" ->
                    pairs(route, w.forms().stream().filter(f -> !f.endsWith("/06")).toList());
            case "/quan-tri/ho-so/{code}/mau/{number}.pdf" -> pairs(route, w.forms());
            case "/api/v1/dossiers/{code}/forms/{number}" -> pairs(route, applicant
                    ? w.forms().stream().filter(f -> !f.endsWith("/06")).toList() : w.forms());
            case "/thanh-toan/{code}/bien-lai/{receipt}.pdf", "/quan-tri/thu-phi/{code}/bien-lai/{receipt}.pdf" ->
                    pairs(route, w.receipts());
            case "/thanh-toan/{code}/chuyen-khoan/{reference}" -> pairs(route, w.transfers());
            case "/quan-tri/thu-phi/chuyen-khoan/{reference}" -> w.transfers().stream()
                    .map(t -> "/quan-tri/thu-phi/chuyen-khoan/" + t.split("/")[1] + "?dossier=" + t.split("/")[0]).toList();
            case "/thanh-toan/{code}/cong/{reference}" -> pairs(route, w.gatewayOrders());
            case "/sandbox/vnpay/paymentv2/vpcpay.html" -> route.isGet() ? w.gatewayPages()
                    : List.of(route.pattern());
            case "/api/v1/results/{number}", "/api/v1/results/{number}/revoke", "/quan-tri/ket-qua/{number}/thu-hoi" ->
                    expand(route, "number", w.results());
            case "/danh-gia/{token}" -> w.ratingLinks();
            case "/quan-tri/danh-gia/{code}", "/quan-tri/danh-gia/{code}/cam-on" -> expand(route, "code", w.counterDossiers());
            case "/quan-tri/phan-anh/{number}", "/quan-tri/phan-anh/{number}/yeu-cau-bo-sung",
                 "/quan-tri/phan-anh/{number}/tra-loi", "/quan-tri/phan-anh/{number}/tu-choi",
                 "/quan-tri/phan-anh/{number}/cong-khai" -> expand(route, "number",
                    route.isGet() ? petitions.subList(0, 2) : petitions.subList(2, 4));
            case "/api/v1/petitions/{number}" -> petitions.subList(0, 2).stream()
                    .map(n -> "/api/v1/petitions/" + enc(n) + "?phone=0912345678").toList();
            case "/api/v1/tracking/{code}" -> w.tracking().stream().map(t -> "/api/v1/tracking/"
                    + t.replaceFirst("ma=([^&]+)&sdt=(.*)", "$1?phone=$2")).toList();
            case "/quan-tri/chung-thuc/{id}", "/quan-tri/chung-thuc/{id}/ban-sao.pdf" ->
                    expand(route, "id", List.of(String.valueOf(certifiedCopy)));
            case "/quan-tri/chung-thuc/so/{agencyCode}", "/quan-tri/chung-thuc/so/{agencyCode}/in.pdf" -> List.of(
                    route.pattern().replace("{agencyCode}", WARD), route.pattern().replace("{agencyCode}", WARD) + "?nam=2025");
            case "/kho-du-lieu/{id}/tai-ve", "/kho-du-lieu/{id}/xoa", "/kho-du-lieu/{id}/dung" ->
                    expand(route, "id", w.wallet().stream().map(String::valueOf).toList());
            // Population database part (issue 16): the pending list, a dossier's re-run, a draft's address
            case "/quan-tri/dan-cu/cho-doi-chieu" -> List.of(route.pattern());
            case "/quan-tri/ho-so/{code}/dan-cu/doi-chieu-lai" -> expand(route, "code", w.dossiers());
            case "/ho-so-cua-toi/nhap/{id}/dia-chi-dan-cu" ->
                    expand(route, "id", w.drafts().stream().map(String::valueOf).toList());
            default -> null;
        };
    }

    private static List<String> expand(Route route, String variable, List<String> values) {
        return values.stream().map(v -> route.pattern().replace("{" + variable + "}", enc(v))).toList();
    }

    /** Fills a route with two variables from "first/second" pairs, in the order the variables appear. */
    private static List<String> pairs(Route route, List<String> pairs) {
        return pairs.stream().map(p -> {
            String[] parts = p.split("/", 2);
            return route.pattern().replaceFirst("\\{[^}]+}", enc(parts[0])).replaceFirst("\\{[^}]+}", enc(parts[1]));
        }).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private int templateIndex(String code) {
        List<vn.motcua.catalog.RequiredDocument> docs = catalog.procedure(code).orElseThrow().documents();
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).template() != null) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------ making them

    private Addresses makeSet() {
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");
        Officials officials = new Officials(reception, specialist, leader);
        World citizen = applicant("citizen", "5678", officials);
        World business = applicant("business", "3456", officials);
        World ward = World.empty();
        ward.addAll(citizen); // the business's dossiers are in the same states: the citizen's stand for them
        // Walk-in applicants at the counter: one just received, one with its result handed over (the tablet rates it).
        String counter = counterDossier(reception);
        String counterDone = counterDossier(reception);
        act(reception, counterDone, Map.of("action", "FORWARD")); // a counter dossier waits at reception
        toResult(officials, counterDone);
        act(reception, counterDone, Map.of("action", "RETURN_RESULT", "returnMethod", "COUNTER"));
        for (String code : List.of(counter, counterDone)) {
            describe(ward, code, officialActor());
        }
        ward.counterDossiers().add(counterDone);
        ward.tracking().add("ma=" + enc(counter) + "&sdt=1222");
        Map<String, World> worlds = new LinkedHashMap<>();
        worlds.put("citizen", citizen);
        worlds.put("business", business);
        for (String official : List.of("reception", "specialist", "leader", "agency-admin", "admin")) {
            worlds.put(official, ward);
        }
        worlds.put(Visitor.ANONYMOUS, publicWorld(citizen, ward));
        return new Addresses(worlds);
    }

    private record Officials(ApiClient reception, ApiClient specialist, ApiClient leader) {
    }

    /** What anyone may address: tracking by code and phone, results by number, the rating links. */
    private World publicWorld(World citizen, World ward) {
        World w = World.empty();
        w.addAll(citizen);
        w.drafts().addAll(citizen.drafts());
        w.draftFiles().addAll(citizen.draftFiles());
        w.transfers().addAll(citizen.transfers());
        w.gatewayOrders().addAll(citizen.gatewayOrders());
        w.gatewayPages().addAll(citizen.gatewayPages());
        w.ratingLinks().addAll(citizen.ratingLinks());
        w.counterDossiers().addAll(ward.counterDossiers());
        w.wallet().addAll(citizen.wallet());
        w.tracking().addAll(citizen.tracking());
        w.tracking().addAll(ward.tracking());
        return w;
    }

    private World applicant(String username, String phoneDigits, Officials o) {
        ApiClient me = ApiClient.signIn(port, username, "demo123");
        Actor actor = actorOf(username);
        OnlinePayments online = context.getBean(OnlinePayments.class);
        BankTransfers transfers = context.getBean(BankTransfers.class);
        CounterPayments counter = context.getBean(CounterPayments.class);
        World w = World.empty();

        long draft = drafts.createDraft(BIRTH, actor, VI);
        Procedure birth = catalog.procedure(BIRTH).orElseThrow();
        drafts.saveDraft(draft, actor, WARD, TestData.validFormData(birth), VI);
        var file = drafts.addDraftFile(draft, actor, new Upload(0, "to-khai.pdf",
                FilePart.pdf("to-khai.pdf").content(), false, false), VI);
        w.drafts().add(draft);
        w.draftFiles().add(draft + "/" + file.id());
        w.drafts().add(drafts.createDraft(RESIDENCE, actor, VI)); // an empty one: nothing filled in yet

        String submitted = submit(me, BIRTH);
        String received = submit(me, BIRTH);
        act(o.reception(), received, Map.of("action", "RECEIVE"));
        String processing = submit(me, BIRTH);
        act(o.reception(), processing, Map.of("action", "RECEIVE")); // and on to the specialist's step
        String supplement = submit(me, BIRTH);
        act(o.reception(), supplement, Map.of("action", "RECEIVE"));
        act(o.specialist(), supplement, Map.of("action", "REQUEST_SUPPLEMENT", "items", List.of("Bản sao rõ nét"),
                "note", "Bản chụp bị mờ"));
        String refusedAtReception = submit(me, BIRTH);
        act(o.reception(), refusedAtReception, Map.of("action", "REFUSE", "note", "Không thuộc thẩm quyền"));
        String refusedLater = submit(me, BIRTH);
        act(o.reception(), refusedLater, Map.of("action", "RECEIVE"));
        act(o.specialist(), refusedLater, Map.of("action", "REFUSE", "note", "Hồ sơ không đủ điều kiện"));
        String apologised = submit(me, BIRTH);
        act(o.reception(), apologised, Map.of("action", "RECEIVE"));
        act(o.leader(), apologised, Map.of("action", "APOLOGIZE", "note", "Chờ xác minh thông tin hộ tịch",
                "newDueAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        String ready = submit(me, BIRTH);
        act(o.reception(), ready, Map.of("action", "RECEIVE"));
        toResult(o, ready);
        String returned = submit(me, BIRTH);
        act(o.reception(), returned, Map.of("action", "RECEIVE"));
        toResult(o, returned);
        act(o.reception(), returned, Map.of("action", "RETURN_RESULT", "returnMethod", "ONLINE"));
        String returnedUnrated = submit(me, BIRTH);
        act(o.reception(), returnedUnrated, Map.of("action", "RECEIVE"));
        toResult(o, returnedUnrated);
        act(o.reception(), returnedUnrated, Map.of("action", "RETURN_RESULT", "returnMethod", "ONLINE"));
        Map<String, String> answers = new LinkedHashMap<>();
        context.getBean(RatingService.class).criteria().forEach(c -> answers.put(c.key(), "SATISFIED"));
        ApiClient.Response rating = me.postJson("/api/v1/dossiers/" + returned + "/rating",
                Map.of("answers", answers, "comment", "Nhanh chóng"));
        check(rating.status() == 201, "rating " + returned + ": " + rating.body());
        w.rated().add(returned);
        String withdrawn = submit(me, BIRTH);
        act(me, withdrawn, Map.of("action", "WITHDRAW", "note", "Nộp nhầm"));

        String byGateway = submit(me, RESIDENCE);
        String reference = online.payOnline(byGateway, actor).reference();
        w.gatewayOrders().add(byGateway + "/" + reference);
        String gateway = online.gatewayUrl(byGateway, reference, actor, "127.0.0.1",
                "http://localhost:" + port + "/thanh-toan/vnpay/ket-qua");
        w.gatewayPages().add(gateway.substring(gateway.indexOf("/sandbox/")));
        String byTransfer = submit(me, RESIDENCE);
        w.transfers().add(byTransfer + "/" + transfers.bankTransfer(byTransfer, actor).payment().reference());
        String paid = submit(me, RESIDENCE);
        act(o.reception(), paid, Map.of("action", "RECEIVE"));
        String receipt = counter.recordAtCounter(paid, PaymentMethod.CASH, null, officialActor()).receiptNumber();
        w.receipts().add(paid + "/" + receipt);

        for (String code : List.of(submitted, received, processing, supplement, refusedAtReception, refusedLater,
                apologised, ready, returned, returnedUnrated, withdrawn, byGateway, byTransfer, paid)) {
            describe(w, code, actor);
        }
        RatingLinks links = context.getBean(RatingLinks.class);
        for (String code : List.of(returnedUnrated, returned)) {
            w.ratingLinks().add(RatingLinks.path(links.token(code).orElseThrow(), code));
        }
        w.tracking().add("ma=" + enc(received) + "&sdt=" + phoneDigits);
        // The accepted documents go to the applicant's data store a moment after reception.
        WalletService wallet = context.getBean(WalletService.class);
        // Each set takes documents of its own, so that a deletion in one leaves the other's in place.
        waitFor(() -> wallet.documents(username).stream().filter(d -> !walletTaken.contains(d.id())).count() >= 2,
                "documents in the data store of " + username);
        wallet.documents(username).stream().filter(d -> walletTaken.add(d.id())).limit(2)
                .forEach(d -> w.wallet().add(d.id()));
        return w;
    }

    /** The dossier's files, forms and results, for the addresses that name them. */
    private void describe(World w, String code, Actor viewer) {
        DossierView view = queries.view(code, viewer);
        w.dossiers().add(code);
        // One file of each kind per status, and each form once: more of the same show nothing new.
        java.util.Set<String> kinds = new java.util.HashSet<>();
        view.files().stream().filter(f -> kinds.add(f.kind()) && seen.add(System.identityHashCode(w) + " " + view.status() + " file " + f.kind()))
                .forEach(f -> w.dossierFiles().add(code + "/" + f.id()));
        context.getBean(DossierForms.class).available(view).stream()
                .filter(n -> seen.add(System.identityHashCode(w) + " form " + n)) // a PDF takes a while to render
                .forEach(n -> w.forms().add(code + "/" + n));
        context.getBean(ResultService.class).ofDossier(code).forEach(r -> w.results().add(r.number()));
        dossiers++;
    }

    /** From the specialist's step, where reception's Tiếp nhận left it, to a result ready to return. */
    private void toResult(Officials o, String code) {
        act(o.specialist(), code, Map.of("action", "FORWARD"));
        act(o.leader(), code, Map.of("action", "APPROVE", "note", "Đồng ý"));
        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("ket-qua.pdf", "application/pdf", TestData.realPdf("Ket qua " + code)));
        ApiClient.Response issued = o.specialist().postMultipart("/api/v1/dossiers/" + code + "/actions", issue, null);
        check(issued.status() == 200, "ISSUE_RESULT " + code + ": " + issued.body());
    }

    private String submit(ApiClient applicant, String procedure) {
        Map<String, Object> parts = TestData.submission(catalog.procedure(procedure).orElseThrow(), WARD);
        // A scanner's name, long and without a space: the pages that list it must still fit a phone.
        parts.replaceAll((name, part) -> part instanceof FilePart file && name.equals(parts.keySet().stream()
                .filter(k -> k.startsWith("document")).findFirst().orElse(null))
                ? FilePart.pdf("SCAN_" + "0123456789".repeat(11) + ".pdf") : part);
        ApiClient.Response created = applicant.postMultipart("/api/v1/dossiers", parts, null);
        check(created.status() == 201, "submission: " + created.body());
        return created.json().get("code").asString();
    }

    private String counterDossier(ApiClient reception) {
        Map<String, Object> parts = TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD);
        @SuppressWarnings("unchecked")
        Map<String, Object> dossier = new LinkedHashMap<>((Map<String, Object>) parts.get("dossier"));
        dossier.put("applicant", Map.of("fullName", "Lê Văn Tám", "phone", "0905111222", "idNumber", "046080001111"));
        parts.put("dossier", dossier);
        ApiClient.Response created = reception.postMultipart("/api/v1/dossiers", parts, null);
        check(created.status() == 201, "counter reception: " + created.body());
        return created.json().get("code").asString();
    }

    private static void act(ApiClient who, String code, Map<String, Object> body) {
        ApiClient.Response response = who.postJson("/api/v1/dossiers/" + code + "/actions", body);
        check(response.status() == 200, body.get("action") + " " + code + ": " + response.body());
    }

    private Actor actorOf(String username) {
        return context.getBean(Actors.class).of(accounts.findUser(username).orElseThrow());
    }

    private Actor officialActor() {
        return actorOf("reception");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("fixture failed: " + what);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) {
        await("fixture ready: " + what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(done::getAsBoolean);
    }
}
