package vn.motcua.payment;

/** How a payment is made. */
public enum PaymentMethod {
    /** Online through the VNPay gateway. */
    VNPAY,
    /** A bank transfer to the agency's account, by VietQR, confirmed by an officer or a bank statement. */
    BANK_TRANSFER,
    /** Cash at the counter. */
    CASH,
    /** A card at the counter's terminal. */
    CARD;

    public boolean atCounter() {
        return this == CASH || this == CARD;
    }
}
