package vn.motcua.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.payment.FeeAssessment;
import vn.motcua.payment.StatementReport;

/** The payment module's formats: amounts in words, the VietQR payload, the VNPay signature, statements, fees. */
class PaymentFormatsTest {

    @Test
    void amountsAreWrittenInVietnameseWords() {
        assertThat(AmountInWords.of(0)).isEqualTo("Không đồng");
        assertThat(AmountInWords.of(5_000)).isEqualTo("Năm nghìn đồng");
        assertThat(AmountInWords.of(15_000)).isEqualTo("Mười lăm nghìn đồng");
        assertThat(AmountInWords.of(21_000)).isEqualTo("Hai mươi mốt nghìn đồng");
        assertThat(AmountInWords.of(135_000)).isEqualTo("Một trăm ba mươi lăm nghìn đồng");
        assertThat(AmountInWords.of(1_005_000)).isEqualTo("Một triệu không trăm linh năm nghìn đồng");
        assertThat(AmountInWords.of(1_500_000)).isEqualTo("Một triệu năm trăm nghìn đồng");
        assertThat(AmountInWords.of(24_000)).isEqualTo("Hai mươi tư nghìn đồng");
        assertThat(AmountInWords.of(2_000_000_000L)).isEqualTo("Hai tỷ đồng");
    }

    @Test
    void vietQrCarriesTheAccountAmountAndReferenceWithAValidChecksum() {
        // CRC-16/CCITT-FALSE's check value.
        assertThat(VietQr.crc16("123456789")).isEqualTo("29B1");
        String payload = VietQr.payload("970415", "113000006789", 50_000, "TT00000042");
        // Worked out independently (field by field, and the CRC by another implementation).
        assertThat(payload).isEqualTo("00020101021238560010A0000007270126000697041501121130000067890208QRIBFTTA"
                + "53037045405500005802VN62140810TT0000004263040087");
        assertThat(VietQr.crc16(payload.substring(0, payload.length() - 4))).isEqualTo(payload.substring(payload.length() - 4));
    }

    @Test
    void vnpaySignaturesCoverEverySortedEncodedParameterAndDetectAnyChange() {
        VnpayProtocol protocol = new VnpayProtocol("SECRET");
        Map<String, String> params = new TreeMap<>(Map.of("vnp_TxnRef", "TT00000001", "vnp_Amount", "1000000",
                "vnp_OrderInfo", "Nop phi ho so", "vnp_Empty", ""));
        assertThat(VnpayProtocol.hashData(params)).isEqualTo(
                "vnp_Amount=1000000&vnp_OrderInfo=Nop+phi+ho+so&vnp_TxnRef=TT00000001");
        Map<String, String> signed = protocol.signed(params);
        assertThat(protocol.verify(signed)).isTrue();
        assertThat(signed.get(VnpayProtocol.HASH)).hasSize(128);
        signed.put("vnp_Amount", "2000000");
        assertThat(protocol.verify(signed)).isFalse();
        assertThat(new VnpayProtocol("OTHER").verify(protocol.signed(params))).isFalse();
        assertThatThrownBy(() -> new VnpayProtocol(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statementsAreReadByHeadingWithQuotesAndSpacedReferences() {
        BankStatement.Parsed parsed = BankStatement.parse("""
                Số tham chiếu,Mô tả,Ghi có
                FT1,"AN, CK TT 00000007",10.000
                FT2,,
                """);
        assertThat(parsed.lines()).singleElement().satisfies(l -> {
            assertThat(l.reference()).isEqualTo("TT00000007");
            assertThat(l.amount()).isEqualTo(10_000);
            assertThat(l.bankRef()).isEqualTo("FT1");
        });
        assertThat(parsed.unreadable()).extracting(StatementReport.Unreadable::line).containsExactly(3);
        assertThatThrownBy(() -> BankStatement.parse("a,b\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feesFollowTheChannelTheCopiesAndTheExemptGroup() {
        vn.motcua.catalog.Procedure p = procedure(
                new Fee("Lệ phí (nộp hồ sơ trực tiếp)", 20_000),
                new Fee("Lệ phí (nộp hồ sơ trực tuyến)", 10_000),
                new Fee("Phí cấp bản sao (mỗi bản)", 8_000, "copies", Set.of(FeeExemption.POOR_HOUSEHOLD)));
        FeeAssessment online = FeeAssessor.assess("X", p, Map.of("copies", "3"), true, null, null,
                java.time.Instant.now());
        assertThat(online.total()).isEqualTo(10_000 + 24_000);
        assertThat(online.items()).extracting(FeeAssessment.Item::quantity).containsExactly(1, 3);
        FeeAssessment counter = FeeAssessor.assess("X", p, Map.of("copies", "abc"), false,
                FeeExemption.POOR_HOUSEHOLD, null, java.time.Instant.now());
        assertThat(counter.total()).isEqualTo(20_000);
        assertThat(counter.items().get(1).exempt()).isTrue();
    }

    private static vn.motcua.catalog.Procedure procedure(Fee... fees) {
        return new vn.motcua.catalog.Procedure("9.999999", "Thủ tục thử", "Hộ tịch",
                vn.motcua.catalog.ProcedureLevel.COMMUNE, "UBND cấp xã", java.util.List.of(),
                vn.motcua.catalog.OnlineLevel.FULL, 1, null, java.util.List.of(fees), null, java.util.List.of(),
                java.util.List.of(ApplicantType.CITIZEN), null, java.util.List.of(), null, null, java.util.List.of());
    }
}
