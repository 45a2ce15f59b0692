package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.support.IntegrationTest;

/** Search over the demo catalog, the way citizens type. */
@IntegrationTest
class CatalogSearchTest {

    @Autowired CatalogService catalog;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            đăng ký khai sinh                     | Đăng ký khai sinh
            dang ky khai sinh                     | Đăng ký khai sinh
            DANG KY KET HON                       | Đăng ký kết hôn
            kết hôn đăng ký                       | Đăng ký kết hôn
            khai tu                               | Đăng ký khai tử
            doi bang lai xe                       | Đổi giấy phép lái xe
            đổi bằng lái                          | Đổi giấy phép lái xe
            thanh lap cty tnhh mtv                | Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên
            lý lịch tư pháp                       | Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam
            xin giấy xác nhận độc thân            | Cấp Giấy xác nhận tình trạng hôn nhân
            tro cap that nghiep                   | Giải quyết hưởng trợ cấp thất nghiệp
            gpxd nha o rieng le                   | Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ
            1.001193                              | Đăng ký khai sinh
            """)
    void bestMatchComesFirst(String query, String expected) {
        List<SearchHit> hits = catalog.search(query, 5);
        assertThat(hits).as("hits for %s", query).isNotEmpty();
        assertThat(hits.getFirst().procedure().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            làm sổ đỏ lần đầu                     | Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu
            sang tên sổ đỏ                        | Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế
            nhập hộ khẩu                          | Đăng ký thường trú
            cat ho khau                           | Xóa đăng ký thường trú
            công chứng bản sao giấy tờ            | Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận
            giấy phép kinh doanh hộ gia đình      | Đăng ký thành lập hộ kinh doanh
            sửa nhà                               | Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ
            dang ky khai sihn                     | Đăng ký khai sinh
            chuyển trường cấp 2                   | Chuyển trường đối với học sinh trung học cơ sở
            """)
    void everydayWordsAbbreviationsAndTyposFindTheProcedureInTheTopThree(String query, String expected) {
        assertThat(catalog.search(query, 3)).extracting(h -> h.procedure().name()).as("top 3 for %s", query)
                .contains(expected);
    }

    @Test
    void diacriticsAndTheLetterDDoNotChangeResults() {
        List<String> withMarks = names(catalog.search("đăng ký đất đai", 10));
        List<String> without = names(catalog.search("dang ky dat dai", 10));
        assertThat(withMarks).isNotEmpty().isEqualTo(without);
    }

    @Test
    void matchedWordsAreHighlightedInTheName() {
        SearchHit hit = catalog.search("khai sinh", 1).getFirst();
        assertThat(hit.highlightedHtml()).contains("<mark>khai sinh</mark>");
        SearchHit folded = catalog.search("khai sinh", 1).getFirst();
        assertThat(folded.name()).anySatisfy(h -> {
            assertThat(h.matched()).isTrue();
            assertThat(h.text()).isEqualTo("khai sinh");
        });
    }

    @Test
    void proceduresSharingOnlyACommonWordWithTheQueryAreLeftOut() {
        assertThat(names(catalog.search("làm sổ đỏ", 30))).isNotEmpty()
                .noneMatch(n -> n.contains("hòa giải viên"))
                .allMatch(n -> n.contains("đất") || n.contains("Giấy chứng nhận"));
    }

    @Test
    void fillerWordsTypedWithDiacriticsDoNotSteerTheSearch() {
        assertThat(catalog.search("tôi muốn làm giấy khai sinh cho con thì cần giấy tờ gì", 1))
                .extracting(h -> h.procedure().name()).containsExactly("Đăng ký khai sinh");
    }

    @Test
    void emptyOrMeaninglessQueriesFindNothing() {
        assertThat(catalog.search("   ", 10)).isEmpty();
        assertThat(catalog.search("!!!", 10)).isEmpty();
        assertThat(catalog.search("zzzqqq", 10)).isEmpty();
    }

    private static List<String> names(List<SearchHit> hits) {
        return hits.stream().map(h -> h.procedure().name()).toList();
    }
}
