package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.ApiClient.FilePart;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;
import vn.motcua.workflow.PaymentStage;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessService;

/** Fees assessed on a dossier, paid at the counter or by bank transfer, with receipts; and the payment gate. */
@IntegrationTest
class PaymentIntegrationTest {

    static final String WARD = "000.31.01.H57";
    /** Đăng ký thường trú: 20,000 đ at the counter, 10,000 đ online. */
    static final String PERMANENT_RESIDENCE = "1.004222";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired PaymentDues dues;
    @Autowired BankTransfers transfers;
    @Autowired CounterPayments counter;
    @Autowired OnlinePayments online;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessService processes;

    String submitOnline(ApiClient citizen) {
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(PERMANENT_RESIDENCE).orElseThrow(), WARD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }

    int paidCount(String code) {
        return jdbc.sql("select count(*) from payment where dossier_code = ? and state = 'PAID'").param(code)
                .query(Integer.class).single();
    }

    @Test
    void anOnlineDossierIsAssessedTheOnlineFeeAndPaidAtTheCounterWithAReceipt() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        String code = submitOnline(citizen);

        // Only the online fee applies to an online dossier.
        ApiClient.Response summary = citizen.get("/api/v1/dossiers/" + code + "/payments");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().get("assessment").get("total").asLong()).isEqualTo(10_000);
        assertThat(summary.json().get("outstanding").asLong()).isEqualTo(10_000);

        // The citizen's page offers online payment and the bank transfer.
        String page = mvc.perform(get("/ho-so-cua-toi/" + code).with(user(account("citizen"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Còn phải nộp: 10.000 đ", "/thanh-toan/" + code + "/vnpay",
                "/thanh-toan/" + code + "/chuyen-khoan");

        // The reception officer's page offers the counter payment and the exempt groups the fee names.
        String official = mvc.perform(get("/quan-tri/ho-so/" + code).with(user(account("reception"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(official).contains("/quan-tri/thu-phi/" + code + "/mien-phi", "id=\"doiTuongCb\"",
                "Thành viên hộ nghèo, hộ cận nghèo", "Thu 10.000 đ và cấp biên lai");
        assertThat(page).contains("id=\"doiTuong\"");

        // A specialist may not take money; another citizen cannot even see the dossier's fees.
        mvc.perform(post("/quan-tri/thu-phi/" + code).param("hinhThuc", "CASH").with(user(account("specialist")))
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(ApiClient.signIn(port, "business", "demo123").get("/api/v1/dossiers/" + code + "/payments")
                .status()).isEqualTo(404);

        // Card without its slip number is refused and changes nothing; cash is taken with a receipt.
        mvc.perform(post("/quan-tri/thu-phi/" + code).param("hinhThuc", "CARD").with(user(account("reception")))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(paidCount(code)).isZero();
        mvc.perform(post("/quan-tri/thu-phi/" + code).param("hinhThuc", "CASH").with(user(account("reception")))
                .with(csrf())).andExpect(status().is3xxRedirection());
        PaymentSummary paid = dues.summary(code).orElseThrow();
        assertThat(paid.settled()).isTrue();
        Payment cash = paid.payments().getFirst();
        assertThat(cash.state()).isEqualTo(PaymentState.PAID);
        assertThat(cash.method()).isEqualTo(PaymentMethod.CASH);
        assertThat(cash.receiptNumber()).matches("BL\\d{4}-\\d{6}");

        // Nothing more is due: a second counter payment is refused.
        mvc.perform(post("/quan-tri/thu-phi/" + code).param("hinhThuc", "CASH").with(user(account("reception")))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(paidCount(code)).isEqualTo(1);

        // The receipt is a real PDF with the amount in words; the applicant downloads it.
        byte[] receipt = mvc.perform(get("/thanh-toan/" + code + "/bien-lai/" + cash.receiptNumber() + ".pdf")
                        .with(user(account("citizen"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = text(receipt);
        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", cash.receiptNumber(), code, "10.000",
                "Mười nghìn đồng", "Tiền mặt tại quầy");
        mvc.perform(get("/thanh-toan/" + code + "/bien-lai/" + cash.receiptNumber() + ".pdf")
                .with(user(account("business")))).andExpect(status().isNotFound());
    }

    @Test
    void theResultIsNotHandedOverUntilTheFeesArePaid() {
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        String code = resultReady(reception);

        ApiClient.Response refused = reception.postJson("/api/v1/dossiers/" + code + "/actions",
                Map.of("action", "RETURN_RESULT"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asString()).contains("chưa nộp đủ phí, lệ phí");
        assertThat(reception.get("/api/v1/dossiers/" + code).json().get("status").asString()).isEqualTo("RESULT_READY");

        counter.recordAtCounter(code, PaymentMethod.CASH, null, actor("reception"));
        act(reception, code, Map.of("action", "RETURN_RESULT"), 200);
    }

    @Test
    void aBankTransferIsShownAsVietQrAndReconciledFromTheStatementOnce() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        String code = submitOnline(citizen);
        String location = mvc.perform(post("/thanh-toan/" + code + "/chuyen-khoan").with(user(account("citizen")))
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String reference = location.substring(location.lastIndexOf('/') + 1);
        assertThat(reference).matches("TT\\d{8}");
        // Asking again gives the same order, not a second one.
        mvc.perform(post("/thanh-toan/" + code + "/chuyen-khoan").with(user(account("citizen"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(dues.summary(code).orElseThrow().payments()).hasSize(1);

        BankTransfers.BankTransfer transfer = transfers.bankTransfer(code, reference, actor("citizen"));
        assertThat(transfer.qrPayload()).startsWith("000201010212").contains("0010A000000727", "970415",
                "113000006789", "540510000", "5802VN", reference).containsPattern("6304[0-9A-F]{4}$");
        String page = mvc.perform(get(location).with(user(account("citizen")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data:image/png;base64,", reference, "10.000 đ");

        String statement = """
                Ngày giao dịch;Số tiền ghi có;Nội dung;Số tham chiếu
                23/11/2026;9.000;NGUYEN VAN AN CK %1$s;FT001
                23/11/2026;10.000;"NGUYEN VAN AN chuyen khoan %1$s";FT002
                23/11/2026;50.000;TIEN DIEN THANG 11;FT003
                """.formatted(reference);
        StatementReport first = importStatement(statement);
        assertThat(first.entries()).extracting(StatementReport.Entry::outcome).containsExactly(
                StatementReport.Outcome.WRONG_AMOUNT, StatementReport.Outcome.PAID,
                StatementReport.Outcome.NO_REFERENCE);
        Payment paid = dues.summary(code).orElseThrow().payments().getFirst();
        assertThat(paid.state()).isEqualTo(PaymentState.PAID);
        assertThat(paid.transactionRef()).isEqualTo("FT002");
        assertThat(paid.receiptNumber()).isNotNull();

        // The same statement again records nothing twice.
        StatementReport second = importStatement(statement);
        assertThat(second.entries()).extracting(StatementReport.Entry::outcome).containsExactly(
                StatementReport.Outcome.ALREADY_PAID, StatementReport.Outcome.ALREADY_APPLIED,
                StatementReport.Outcome.NO_REFERENCE);
        assertThat(paidCount(code)).isEqualTo(1);
    }

    @Test
    void aProcessThatWantsPaymentFirstHoldsTheDossierAtReceptionUntilPaid() {
        String householdSplit = "1.010038"; // Tách hộ: 5,000 đ online
        ProcessDefinition current = processes.current(householdSplit);
        processes.save(householdSplit, current.steps(), PaymentStage.BEFORE_PROCESSING,
                accounts.findUser("admin").orElseThrow(), Locale.of("vi"));
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        ApiClient.Response created = citizen.postMultipart("/api/v1/dossiers",
                TestData.submission(catalog.procedure(householdSplit).orElseThrow(), WARD), null);
        String code = created.json().get("code").asString();
        act(reception, code, Map.of("action", "RECEIVE"), 200);
        ApiClient.Response held = reception.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD"));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.json().get("message").asString()).contains("chưa nộp đủ phí, lệ phí");
        // Asking for a supplement is not held back.
        act(reception, code, Map.of("action", "REQUEST_SUPPLEMENT", "items", List.of("Bản sao sổ hộ khẩu")), 200);
        act(citizen, code, Map.of("action", "SUPPLEMENT"), 200);
        counter.recordAtCounter(code, PaymentMethod.CARD, "POS-0001", actor("reception"));
        act(reception, code, Map.of("action", "FORWARD"), 200);
    }

    @Test
    void aDeclaredExemptionZeroesTheFeeUntilSomethingIsPaid() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        String code = submitOnline(citizen);
        mvc.perform(post("/thanh-toan/" + code + "/mien-phi").param("doiTuong", "POOR_HOUSEHOLD")
                .with(user(account("citizen"))).with(csrf())).andExpect(status().is3xxRedirection());
        PaymentSummary exempt = dues.summary(code).orElseThrow();
        assertThat(exempt.assessment().total()).isZero();
        assertThat(exempt.settled()).isTrue();
        assertThat(exempt.assessment().exemptionCheckedBy()).isNull();
        // The officer saw no proof and clears it: the fee is due again.
        mvc.perform(post("/quan-tri/thu-phi/" + code + "/mien-phi").param("doiTuong", "")
                .with(user(account("reception"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(dues.summary(code).orElseThrow().outstanding()).isEqualTo(10_000);
        // An unknown group is refused with a message and changes nothing.
        mvc.perform(post("/thanh-toan/" + code + "/mien-phi").param("doiTuong", "NOBODY")
                .with(user(account("citizen"))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of("Đối tượng miễn không hợp lệ: NOBODY.")));
        assertThat(dues.summary(code).orElseThrow().outstanding()).isEqualTo(10_000);
        counter.recordAtCounter(code, PaymentMethod.CASH, null, actor("reception"));
        mvc.perform(post("/thanh-toan/" + code + "/mien-phi").param("doiTuong", "DISABLED")
                .with(user(account("citizen"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(dues.summary(code).orElseThrow().assessment().exemption()).isNull();
    }

    @Test
    void aDeclaredExemptionHandsNothingOverUntilAnOfficerHasSeenItsProof() throws Exception {
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        String code = resultReady(reception);
        // Declared when the result is ready: the fee shows as exempt, but nothing is handed over on the word alone.
        mvc.perform(post("/thanh-toan/" + code + "/mien-phi").param("doiTuong", "DISABLED")
                .with(user(account("citizen"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(dues.summary(code).orElseThrow().assessment().total()).isZero();
        ApiClient.Response refused = reception.postJson("/api/v1/dossiers/" + code + "/actions",
                Map.of("action", "RETURN_RESULT"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asString()).contains("chưa nộp đủ phí, lệ phí");
        // The officer's page shows the claim and the form to check it.
        mvc.perform(get("/quan-tri/ho-so/" + code).with(user(account("reception"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"payment-heading\"")))
                .andExpect(content().string(containsString(
                        "Người nộp kê khai thuộc đối tượng miễn")))
                .andExpect(content().string(containsString("/quan-tri/thu-phi/" + code + "/mien-phi")));
        mvc.perform(post("/quan-tri/thu-phi/" + code + "/mien-phi").param("doiTuong", "DISABLED")
                .with(user(account("reception"))).with(csrf())).andExpect(status().is3xxRedirection());
        // What the officer checked stands: the applicant cannot swap it for an unchecked group afterwards.
        mvc.perform(post("/thanh-toan/" + code + "/mien-phi").param("doiTuong", "POOR_HOUSEHOLD")
                .with(user(account("citizen"))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of(
                        "Cán bộ đã kiểm tra giấy tờ chứng minh đối tượng miễn của hồ sơ này: muốn thay đổi, vui lòng liên hệ bộ phận tiếp nhận.")));
        assertThat(dues.summary(code).orElseThrow().assessment().exemptionCheckedBy()).isEqualTo("reception");
        act(reception, code, Map.of("action", "RETURN_RESULT"), 200);
    }

    @Test
    void aSecondClickPaysTheSameOrderAndAnOrderLeftOpenIsNotPaidOnceTheFeesAreSettled() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        String code = submitOnline(citizen);
        Payment first = online.payOnline(code, actor("citizen"));
        assertThat(online.payOnline(code, actor("citizen")).reference()).isEqualTo(first.reference());
        mvc.perform(get("/thanh-toan/" + code + "/cong/" + first.reference()).with(user(account("citizen"))))
                .andExpect(status().isOk());

        counter.recordAtCounter(code, PaymentMethod.CASH, null, actor("reception"));
        mvc.perform(get("/thanh-toan/" + code + "/cong/" + first.reference()).with(user(account("citizen"))))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("không còn khoản phí, lệ phí nào phải nộp")));
        assertThat(dues.summary(code).orElseThrow().paid()).isEqualTo(10_000);
    }

    @Test
    void anOfficerConfirmsATransferWithTheBanksReferenceOnce() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        String code = submitOnline(citizen);
        String reference = transfers.bankTransfer(code, actor("citizen")).payment().reference();
        // Without the bank's reference nothing is recorded.
        mvc.perform(post("/quan-tri/thu-phi/chuyen-khoan/" + reference).param("dossier", code)
                        .with(user(account("reception"))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of("Hãy nhập số tham chiếu giao dịch của ngân hàng.")));
        assertThat(paidCount(code)).isZero();
        mvc.perform(post("/quan-tri/thu-phi/chuyen-khoan/" + reference).param("dossier", code)
                .param("maGiaoDich", "FT-OFFICER-1").with(user(account("reception"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(paidCount(code)).isEqualTo(1);
        // A second confirmation of the same order is refused.
        mvc.perform(post("/quan-tri/thu-phi/chuyen-khoan/" + reference).param("dossier", code)
                        .param("maGiaoDich", "FT-OFFICER-2").with(user(account("reception"))).with(csrf()))
                .andExpect(flash().attribute("problems", List.of("Khoản thanh toán " + reference
                        + " đã được xử lý trước đó.")));
        assertThat(paidCount(code)).isEqualTo(1);
    }

    @Test
    void aNegativeOrDebitLineNeverPaysAndUnreadableRowsAreListedWithTheReason() throws Exception {
        ApiClient citizen = ApiClient.signIn(port, "citizen", "demo123");
        String code = submitOnline(citizen);
        String reference = transfers.bankTransfer(code, actor("citizen")).payment().reference();
        String statement = """
                Ngày giao dịch;Số tiền;Nội dung;Số tham chiếu
                23/11/2026;-10.000;HOAN TIEN %1$s;FT-NEG-%1$s
                23/11/2026;(10.000);HOAN TIEN %1$s;FT-PAR-%1$s
                23/11/2026;12345.678;CK %1$s;FT-AMB-%1$s
                """.formatted(reference);
        String page = mvc.perform(multipart("/quan-tri/thu-phi/sao-ke")
                        .file(new MockMultipartFile("file", "sao-ke.csv", "text/csv",
                                statement.getBytes(StandardCharsets.UTF_8)))
                        .with(user(account("reception"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Không phải khoản ghi có", "Dòng 4: số tiền có thể đọc theo hai cách");
        assertThat(paidCount(code)).isZero();
        assertThat(dues.summary(code).orElseThrow().outstanding()).isEqualTo(10_000);

        StatementReport debit = importStatement("""
                Số tham chiếu;Nội dung;Ghi nợ;Ghi có
                FT-DEBIT-%1$s;CK %1$s;10.000;
                """.formatted(reference));
        assertThat(debit.entries()).extracting(StatementReport.Entry::outcome)
                .containsExactly(StatementReport.Outcome.NOT_A_CREDIT);
        assertThat(paidCount(code)).isZero();
    }

    @Test
    void anUnreadableStatementIsRefusedInVietnamese() throws Exception {
        String page = mvc.perform(multipart("/quan-tri/thu-phi/sao-ke")
                        .file(new MockMultipartFile("file", "sao-ke.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                        .with(user(account("reception"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Không đọc được sao kê");
    }

    private StatementReport importStatement(String csv) {
        return transfers.importStatement(csv, actor("reception"));
    }

    private vn.motcua.identity.Actor actor(String username) {
        CurrentUser user = account(username);
        return new vn.motcua.identity.Actor(user.getUsername(), user.fullName(), user.roles(),
                username.equals("citizen") ? null : WARD);
    }

    /** An online dossier with a fee, taken by the ward's officials to its result. */
    private String resultReady(ApiClient reception) {
        ApiClient specialist = ApiClient.signIn(port, "specialist", "demo123");
        ApiClient leader = ApiClient.signIn(port, "leader", "demo123");
        String code = submitOnline(ApiClient.signIn(port, "citizen", "demo123"));
        act(reception, code, Map.of("action", "RECEIVE"), 200); // and on to the specialist's step
        act(specialist, code, Map.of("action", "FORWARD"), 200);
        act(leader, code, Map.of("action", "APPROVE"), 200);
        Map<String, Object> issue = ApiClient.parts();
        issue.put("action", Map.of("action", "ISSUE_RESULT"));
        issue.put("file", new FilePart("ket-qua.pdf", "application/pdf", TestData.realPdf("Ket qua")));
        assertThat(specialist.postMultipart("/api/v1/dossiers/" + code + "/actions", issue, null).status())
                .isEqualTo(200);
        return code;
    }

    private static void act(ApiClient client, String code, Map<String, Object> body, int expected) {
        ApiClient.Response r = client.postJson("/api/v1/dossiers/" + code + "/actions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
