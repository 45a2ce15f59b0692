package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void vietnamesePhoneNumbersBecomeInternational() {
        assertThat(Recipients.phone("0912345678")).contains("+84912345678");
        assertThat(Recipients.phone("0912 345 678")).contains("+84912345678");
        assertThat(Recipients.phone("091.234.5678")).contains("+84912345678");
        assertThat(Recipients.phone("84912345678")).contains("+84912345678");
        assertThat(Recipients.phone("+84 912-345-678")).contains("+84912345678");
        assertThat(Recipients.phone("+84 (0) 912 345 678")).contains("+84912345678");
        assertThat(Recipients.phone("0084912345678")).contains("+84912345678");
        assertThat(Recipients.phone("(0234) 3822 123")).contains("+842343822123");
        assertThat(Recipients.phone("+33 6 12 34 56 78")).contains("+33612345678");
    }

    @Test
    void whatIsNotAPhoneNumberIsRefused() {
        assertThat(Recipients.phone("912345678")).isEmpty();
        assertThat(Recipients.phone("0912")).isEmpty();
        assertThat(Recipients.phone("+84 1234")).isEmpty();
        assertThat(Recipients.phone("09123456789012")).isEmpty();
        assertThat(Recipients.phone("không có")).isEmpty();
    }

    @Test
    void emailAddressesAreValidatedAndStripped() {
        assertThat(Recipients.email(" an.nguyen@example.vn ")).contains("an.nguyen@example.vn");
        assertThat(Recipients.email("Nguyễn Văn An <an@example.vn>")).contains("an@example.vn");
        assertThat(Recipients.email("an.nguyen")).isEmpty();
        assertThat(Recipients.email("an nguyen@example.vn")).isEmpty();
        assertThat(Recipients.email("an@@example.vn")).isEmpty();
    }
}
