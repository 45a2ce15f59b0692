package vn.motcua.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fee rule of Thông tư 226/2016/TT-BTC, worked out by hand. */
class CertificationFeeTest {

    @Test
    void twoThousandAPageForTheFirstTwoPagesThenOneThousandCappedAtTwoHundredThousand() {
        assertThat(CertificationFee.of(1)).isEqualTo(2_000);
        assertThat(CertificationFee.of(2)).isEqualTo(4_000);
        assertThat(CertificationFee.of(3)).isEqualTo(5_000);
        assertThat(CertificationFee.of(10)).isEqualTo(12_000);
        assertThat(CertificationFee.of(197)).isEqualTo(199_000);
        assertThat(CertificationFee.of(198)).isEqualTo(200_000);
        assertThat(CertificationFee.of(199)).isEqualTo(200_000);   // 201,000 by the pages, capped
        assertThat(CertificationFee.of(1_000)).isEqualTo(200_000);
    }

    @Test
    void aCopyHasAtLeastOnePage() {
        assertThatThrownBy(() -> CertificationFee.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
