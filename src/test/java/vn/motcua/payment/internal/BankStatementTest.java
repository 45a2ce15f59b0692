package vn.motcua.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import vn.motcua.payment.StatementReport.Problem;
import vn.motcua.payment.StatementReport.Unreadable;

/** Bank statements as banks export them: both delimiters, both decimal conventions, signs, quoted lines. */
class BankStatementTest {

    @Test
    void aNegativeAmountIsADebitNotACredit() {
        BankStatement.Parsed parsed = BankStatement.parse("""
                Số tiền;Nội dung;Số tham chiếu
                -10.000;HOAN TIEN TT00000001;FT1
                (10.000);HOAN TIEN TT00000001;FT2
                10.000-;HOAN TIEN TT00000001;FT3
                10.000;NGUYEN VAN AN TT00000001;FT4
                """);
        assertThat(parsed.lines()).extracting(BankStatement.Line::amount, BankStatement.Line::credit).containsExactly(
                tuple(-10_000L, false), tuple(-10_000L, false), tuple(-10_000L, false), tuple(10_000L, true));
        assertThat(parsed.unreadable()).isEmpty();
    }

    @Test
    void aDebitColumnNeverPays() {
        BankStatement.Parsed parsed = BankStatement.parse("""
                Số tham chiếu,Nội dung,Số tiền ghi nợ,Số tiền ghi có
                FT1,CK TT00000001,"10,000",
                FT2,CK TT00000002,,"10,000"
                """);
        assertThat(parsed.lines()).extracting(BankStatement.Line::bankRef, BankStatement.Line::credit)
                .containsExactly(tuple("FT1", false), tuple("FT2", true));
    }

    @Test
    void bothDecimalConventionsAreRead() {
        BankStatement.Parsed parsed = BankStatement.parse("""
                Reference,Description,Amount
                FT1,TT00000001,"10,000.00"
                FT2,TT00000001,"10,000"
                FT3,TT00000001,10.000
                FT4,TT00000001,"10.000,00"
                FT5,TT00000001,"1.250.000"
                FT6,TT00000001,10000
                FT7,TT00000001,10000.00
                FT8,TT00000001,10.000 VND
                """);
        assertThat(parsed.lines()).extracting(BankStatement.Line::amount)
                .containsExactly(10_000L, 10_000L, 10_000L, 10_000L, 1_250_000L, 10_000L, 10_000L, 10_000L);
        assertThat(parsed.unreadable()).isEmpty();
    }

    @Test
    void ambiguousOrFractionalAmountsAreReportedNotGuessed() {
        BankStatement.Parsed parsed = BankStatement.parse("""
                Số tham chiếu;Nội dung;Ghi có
                FT1;TT00000001;12345.678
                FT2;TT00000001;0,500
                FT3;TT00000001;10.000,50
                FT4;TT00000001;1.000.00
                FT5;TT00000001;mười nghìn
                FT6;TT00000001;
                ;TT00000001;10.000
                """);
        assertThat(parsed.lines()).isEmpty();
        assertThat(parsed.unreadable()).containsExactly(new Unreadable(2, Problem.AMBIGUOUS_AMOUNT),
                new Unreadable(3, Problem.AMBIGUOUS_AMOUNT), new Unreadable(4, Problem.FRACTION),
                new Unreadable(5, Problem.BAD_AMOUNT), new Unreadable(6, Problem.BAD_AMOUNT),
                new Unreadable(7, Problem.NO_AMOUNT), new Unreadable(8, Problem.NO_BANK_REFERENCE));
    }

    @Test
    void aQuotedCellOverTwoLinesStaysOneRow() {
        BankStatement.Parsed parsed = BankStatement.parse("""
                Số tham chiếu;Nội dung;Ghi có
                FT1;"NGUYEN VAN AN
                chuyen khoan TT00000007";10.000
                FT2;"AN ""CK"" TT00000008";20.000
                """);
        assertThat(parsed.lines()).extracting(BankStatement.Line::line, BankStatement.Line::reference,
                BankStatement.Line::amount).containsExactly(tuple(2, "TT00000007", 10_000L),
                tuple(3, "TT00000008", 20_000L));
    }

    @Test
    void rowsThatCannotBeReadAreListedWithTheReason() {
        BankStatement.Parsed parsed = BankStatement.parse("""
                Số tham chiếu,Nội dung,Ghi có
                FT1,TT00000001,10,000
                FT2,TT00000002,20.000
                FT3,"TT00000003,30.000
                """);
        assertThat(parsed.lines()).extracting(BankStatement.Line::bankRef).containsExactly("FT2");
        assertThat(parsed.unreadable()).containsExactly(new Unreadable(2, Problem.EXTRA_CELLS),
                new Unreadable(4, Problem.MALFORMED));
    }
}
