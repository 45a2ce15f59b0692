package vn.motcua.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsControlsAndBidiOverridesAreRemoved() {
        assertThat(FileNames.clean("C:\\Users\\an\\..\\giay-to.pdf")).isEqualTo("giay-to.pdf");
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("to\u0000khai\r\n.pdf")).isEqualTo("tokhai.pdf");
        assertThat(FileNames.clean("hoa-don\u202Efdp.exe")).isEqualTo("hoa-donfdp.exe");
        assertThat(FileNames.clean("a<b>:c|d?.pdf")).isEqualTo("a_b__c_d_.pdf");
        assertThat(FileNames.clean("  ")).isEqualTo("tep");
        assertThat(FileNames.clean(null)).isEqualTo("tep");
    }

    @Test
    void namesAreNfcAndCappedKeepingTheExtension() {
        String decomposed = "Gia\u0301y khai sinh.pdf";
        assertThat(FileNames.clean(decomposed)).isEqualTo("Giáy khai sinh.pdf");
        String capped = FileNames.clean("đ".repeat(450) + ".pdf");
        assertThat(capped).endsWith(".pdf").hasSize(FileNames.MAX_LENGTH);
    }

    @Test
    void aNameSaysWhatTheContentIs() {
        assertThat(FileNames.withExtensionOf("hosofdp.exe", FileInspection.PDF)).isEqualTo("hosofdp.exe.pdf");
        assertThat(FileNames.withExtensionOf("giay-to", FileInspection.PDF)).isEqualTo("giay-to.pdf");
        assertThat(FileNames.withExtensionOf("Anh.JPEG", FileInspection.JPEG)).isEqualTo("Anh.JPEG");
        assertThat(FileNames.withExtensionOf("to-khai.pdf", FileInspection.DOCX)).isEqualTo("to-khai.pdf.docx");
        String longest = "a".repeat(FileNames.MAX_LENGTH - 4) + ".exe";
        assertThat(FileNames.withExtensionOf(longest, FileInspection.PDF)).endsWith(".pdf").hasSize(FileNames.MAX_LENGTH);
    }
}
