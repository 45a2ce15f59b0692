package vn.motcua.payment.internal;

import java.nio.charset.StandardCharsets;

/**
 * The payload of a VietQR code (the NAPAS profile of EMVCo merchant-presented QR): a transfer to one account of the
 * exact amount, with the payment's reference as its content, which every Vietnamese banking app reads and fills in.
 */
public final class VietQr {

    private static final String NAPAS_GUID = "A000000727";
    /** Service code: fast transfer to an account (not a card). */
    private static final String TO_ACCOUNT = "QRIBFTTA";

    private VietQr() {
    }

    /**
     * @param bin       the bank's 6-digit NAPAS identifier
     * @param account   the beneficiary account number
     * @param amount    in VND
     * @param reference the transfer's content (letters and digits; banks drop the rest)
     */
    public static String payload(String bin, String account, long amount, String reference) {
        String beneficiary = field("00", bin) + field("01", account);
        String merchant = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TO_ACCOUNT);
        String body = field("00", "01")          // payload format
                + field("01", "12")               // dynamic: one payment, one amount
                + field("38", merchant)
                + field("53", "704")              // VND
                + field("54", Long.toString(amount))
                + field("58", "VN")
                + field("62", field("08", reference)) // purpose of the transaction
                + "6304";
        return body + crc16(body);
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("EMVCo field " + id + " is too long");
        }
        return id + "%02d".formatted(value.length()) + value;
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) over the payload up to and including "6304". */
    static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return "%04X".formatted(crc);
    }
}
