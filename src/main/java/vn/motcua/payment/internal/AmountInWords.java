package vn.motcua.payment.internal;

/**
 * An amount of đồng in Vietnamese words, as receipts write it ("Số tiền bằng chữ"): 135000 is "Một trăm ba mươi
 * lăm nghìn đồng", 1005000 is "Một triệu không trăm linh năm nghìn đồng".
 */
public final class AmountInWords {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ"};

    private AmountInWords() {
    }

    public static String of(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        if (amount == 0) {
            return "Không đồng";
        }
        StringBuilder words = new StringBuilder();
        long[] groups = new long[7];
        int count = 0;
        for (long rest = amount; rest > 0; rest /= 1000) {
            groups[count++] = rest % 1000;
        }
        for (int i = count - 1; i >= 0; i--) {
            int group = (int) groups[i];
            if (group == 0) {
                continue;
            }
            // A group after a higher one reads all three places: "một triệu không trăm linh năm nghìn".
            boolean full = i < count - 1;
            words.append(words.isEmpty() ? "" : " ").append(hundreds(group, full)).append(GROUPS[i]);
        }
        String text = words.append(" đồng").toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String hundreds(int n, boolean full) {
        int h = n / 100, t = n / 10 % 10, u = n % 10;
        StringBuilder s = new StringBuilder();
        if (h > 0 || full) {
            s.append(DIGITS[h]).append(" trăm");
        }
        if (t == 0) {
            if (u > 0 && (h > 0 || full)) {
                s.append(" linh");
            }
        } else if (t == 1) {
            s.append(s.isEmpty() ? "" : " ").append("mười");
        } else {
            s.append(s.isEmpty() ? "" : " ").append(DIGITS[t]).append(" mươi");
        }
        if (u > 0) {
            String unit = switch (u) {
                case 1 -> t >= 2 ? "mốt" : "một";
                case 4 -> t >= 2 ? "tư" : "bốn";
                case 5 -> t >= 1 ? "lăm" : "năm";
                default -> DIGITS[u];
            };
            s.append(s.isEmpty() ? "" : " ").append(unit);
        }
        return s.toString();
    }
}
