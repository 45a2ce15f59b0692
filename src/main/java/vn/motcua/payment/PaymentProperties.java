package vn.motcua.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payments ({@code motcua.payment.*}).
 *
 * @param vnpay the VNPay merchant account; online payment is offered only when it is configured or the sandbox is on
 * @param bank  the account bank transfers go to; the VietQR option is offered only when it is configured
 */
@ConfigurationProperties("motcua.payment")
public record PaymentProperties(@DefaultValue Vnpay vnpay, @DefaultValue Bank bank) {

    /**
     * @param url        the gateway's payment page, e.g. {@code https://sandbox.vnpayment.vn/paymentv2/vpcpay.html}
     * @param tmnCode    the merchant's terminal code (vnp_TmnCode)
     * @param hashSecret the merchant's secret for HMAC-SHA512 (keep it in the environment)
     * @param returnUrl  where the gateway sends the payer back; by default this portal's {@code /thanh-toan/vnpay/ket-qua}
     * @param timeout    how long an order stays open at the gateway
     * @param sandbox    serve the built-in sandbox gateway at {@code /sandbox/vnpay}: a test peer that speaks the same
     *                   protocol and takes no money. Never on a real installation.
     */
    public record Vnpay(String url, String tmnCode, String hashSecret, String returnUrl,
                        @DefaultValue("15m") Duration timeout, @DefaultValue("false") boolean sandbox) {
    }

    /**
     * @param bin         the bank's NAPAS identifier (6 digits, e.g. 970415)
     * @param account     the account number
     * @param accountName the account holder, as the bank writes it
     * @param bankName    the bank's name for people
     */
    public record Bank(String bin, String account, String accountName, String bankName) {

        public boolean configured() {
            return bin != null && !bin.isBlank() && account != null && !account.isBlank();
        }
    }
}
