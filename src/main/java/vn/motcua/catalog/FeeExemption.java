package vn.motcua.catalog;

/**
 * Applicant groups that fee law commonly exempts (miễn phí, lệ phí). A procedure's fee lists which of them apply to
 * it; the applicant declares membership and the officer checks the proof at reception.
 */
public enum FeeExemption {
    /** Người có công với cách mạng và thân nhân. */
    MERITORIOUS,
    /** Thành viên hộ nghèo, hộ cận nghèo. */
    POOR_HOUSEHOLD,
    /** Người khuyết tật. */
    DISABLED,
    /** Trẻ em dưới 6 tuổi. */
    CHILD,
    /** Người cao tuổi. */
    ELDERLY,
    /** Đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn. */
    ETHNIC_MINORITY
}
