package vn.motcua.assistant;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.platform.text.VietnameseText;

/**
 * Whether a reworded answer stays within the records it was made from. Every number in it must be a number of the
 * records (a fee, a time, a count of copies), and each sentence may bring only a few words of its own besides the
 * everyday words any rewording needs ("bạn", "cần", "nhé"). A new document, condition or place is several new words
 * together, and fails.
 */
final class RecordCheck {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:\\n]+");
    /** Words of their own a sentence may bring: at most this many, and at most this share of its words. */
    private static final int OWN_WORDS = 2;
    private static final double OWN_SHARE = 0.2;

    /** Words any polite rewording may use, folded. */
    private static final Set<String> EVERYDAY = Set.copyOf(List.of(VietnameseText.fold("""
            bạn anh chị em ông bà tôi mình chúng ta quý vị người dân công dân xin chào cảm ơn vui lòng nhé ạ nhe
            là và với của cho để khi thì mà nếu hoặc hay cũng đã đang sẽ được bị có không chưa rồi nữa vẫn còn
            cần phải nên có thể hãy cứ chỉ mỗi từng các những một hai ba này đó kia ấy nào gì đâu sao thế như vậy
            về tại trong ngoài trên dưới sau trước đến tới từ theo bằng qua vào ra lên xuống lại đi làm nộp mang
            gồm bao gồm kèm kèm theo chuẩn bị sẵn đầy đủ đủ thêm khác nhau cùng luôn ngay trực tiếp thủ tục
            việc này nhận trả kết quả hồ sơ giấy tờ bản mất tốn hết khoảng chừng tổng cộng thời gian thời hạn
            phí lệ phí đồng miễn tiền ngày làm việc nơi địa điểm cơ quan thực hiện trực tuyến online mạng nhà
            đăng ký cấp giấy xin hướng dẫn thông tin biết rõ cụ thể như sau dưới đây gồm có lưu ý chính sao
            """).split("\\s+")));

    private RecordCheck() {
    }

    /** Whether {@code reply} says nothing that {@code source} (the records, the template answer, the question) does not. */
    static boolean faithful(String reply, String source) {
        Set<String> known = new HashSet<>(EVERYDAY);
        known.addAll(foldedWords(source));
        Set<String> numbers = numbers(source);
        if (!numbers.containsAll(numbers(reply))) {
            return false;
        }
        for (String sentence : SENTENCE_END.split(reply)) {
            List<String> words = foldedWords(sentence).stream().filter(w -> !w.chars().allMatch(Character::isDigit)).toList();
            long own = words.stream().filter(w -> !known.contains(w)).count();
            if (own > Math.max(OWN_WORDS, OWN_SHARE * words.size())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> foldedWords(String text) {
        return Wording.words(text).stream().map(VietnameseText::fold).toList();
    }

    /** Numbers as digits only: "8.000 đồng" and "8000" are the same number. */
    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(m.group().replaceAll("[.,]+$", "").replaceAll("[.,]", ""));
        }
        return numbers;
    }
}
