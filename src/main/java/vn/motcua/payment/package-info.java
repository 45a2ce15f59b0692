/**
 * Fees and payments: the assessment of a dossier's fees from its procedure's schedule, online payment through the
 * VNPay gateway protocol (with a labelled sandbox gateway for demos), bank transfers by VietQR reconciled by an officer
 * or a bank statement, counter payments, and an electronic receipt (biên lai) for every payment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment",
        allowedDependencies = {"catalog", "dossier", "identity", "organization", "platform"})
package vn.motcua.payment;
