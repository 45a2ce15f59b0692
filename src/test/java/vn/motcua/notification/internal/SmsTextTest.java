package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void removesDiacriticsAndKeepsLetterCase() {
        assertThat(SmsText.fold("Hồ sơ đã được tiếp nhận tại Ủy ban nhân dân phường Thuận Hóa, ĐT: 0234"))
                .isEqualTo("Ho so da duoc tiep nhan tai Uy ban nhan dan phuong Thuan Hoa, DT: 0234");
        assertThat(SmsText.fold("ĐĂNG KÝ KHAI SINH")).isEqualTo("DANG KY KHAI SINH");
    }

    @Test
    void decomposedInputAndTypographicPunctuationBecomePlainAscii() {
        String decomposed = java.text.Normalizer.normalize("Huế", java.text.Normalizer.Form.NFD);
        assertThat(SmsText.fold(decomposed + " – “Trả kết quả”… ½ 日"))
                .isEqualTo("Hue - \"Tra ket qua\"... 1?2 ?");
    }
}
