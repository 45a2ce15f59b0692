package vn.motcua.notification.internal;

/**
 * Addresses as the delivery log shows them: enough to tell which of the applicant's addresses it was, not enough to
 * write to them ({@code +84*****5678}, {@code a***@example.vn}).
 */
final class AddressMask {

    private AddressMask() {
    }

    static String mask(NotificationChannel channel, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.strip();
        if (channel == NotificationChannel.EMAIL) {
            int at = a.lastIndexOf('@');
            return at <= 0 ? stars(a, 1, 0) : a.charAt(0) + "***" + a.substring(at);
        }
        boolean international = a.startsWith("+");
        return stars(a, international ? 3 : 0, 4);
    }

    private static String stars(String text, int head, int tail) {
        if (text.length() <= head + tail) {
            return "*".repeat(text.length());
        }
        return text.substring(0, head) + "*".repeat(text.length() - head - tail) + text.substring(text.length() - tail);
    }
}
