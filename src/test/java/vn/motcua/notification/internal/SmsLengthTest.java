package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsLengthTest {

    @Test
    void gsmTextFitsOneMessageUpTo160CharactersThen153APart() {
        assertThat(SmsLength.of("a".repeat(160))).isEqualTo(new SmsLength(false, 160, 1, 160));
        assertThat(SmsLength.of("a".repeat(161))).isEqualTo(new SmsLength(false, 161, 2, 153));
        assertThat(SmsLength.of("a".repeat(307))).isEqualTo(new SmsLength(false, 307, 3, 153));
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsLength.of("[a]")).isEqualTo(new SmsLength(false, 5, 1, 160));
    }

    @Test
    void vietnameseWithDiacriticsGoesAsUnicode70ThenAPartOf67() {
        assertThat(SmsLength.of("Hồ sơ")).isEqualTo(new SmsLength(true, 5, 1, 70));
        assertThat(SmsLength.of("ồ".repeat(71))).isEqualTo(new SmsLength(true, 71, 2, 67));
    }
}
