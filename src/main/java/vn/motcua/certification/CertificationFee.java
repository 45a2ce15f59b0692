package vn.motcua.certification;

/**
 * The fee for certifying a copy from its original (Thông tư 226/2016/TT-BTC): 2,000 VND a page for the first two
 * pages, 1,000 VND a page from the third, at most 200,000 VND a copy.
 */
public final class CertificationFee {

    static final long FIRST_PAGES = 2_000, LATER_PAGES = 1_000, MAX_PER_COPY = 200_000;

    private CertificationFee() {
    }

    /** The fee in VND for one copy of {@code pages} pages (at least one). */
    public static long of(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("A copy has at least one page: " + pages);
        }
        long fee = FIRST_PAGES * Math.min(pages, 2) + LATER_PAGES * Math.max(0, pages - 2);
        return Math.min(fee, MAX_PER_COPY);
    }
}
