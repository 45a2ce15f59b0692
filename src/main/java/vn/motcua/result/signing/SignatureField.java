package vn.motcua.result.signing;

import java.time.Instant;

/** What the document says about one signature, read once so the document can be closed. */
record SignatureField(int[] byteRange, String subFilter, byte[] contents, Instant signDate) {

    long end() {
        return byteRange == null || byteRange.length != 4 ? Long.MAX_VALUE : (long) byteRange[2] + byteRange[3];
    }
}
