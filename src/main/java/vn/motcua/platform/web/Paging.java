package vn.motcua.platform.web;

/**
 * One page of a list as a request asks for it, checked in one place: the page within reach and the offset computed
 * without overflow (an {@code int} page times a size could wrap to a negative OFFSET).
 *
 * @param page from 0
 */
public record Paging(int page, int size) {

    /** Further than any list of this system reaches; beyond it a request is refused, not answered with a wrapped offset. */
    public static final int MAX_PAGE = 100_000;
    public static final int MAX_SIZE = 10_000;

    public Paging {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw UserFacingException.badRequest("error.paging", MAX_PAGE);
        }
    }

    /** A page as people number them (from 1); below 1 reads as the first page. */
    public static Paging fromOne(int page, int size) {
        return new Paging(Math.max(page, 1) - 1, size);
    }

    /** Rows to skip; at most {@code MAX_PAGE * MAX_SIZE} (10⁹), which fits an int. */
    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
