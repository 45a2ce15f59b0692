package vn.motcua.platform.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A PDF answered to be shown in the browser (forms, receipts), under the file name it is saved as. */
public final class PdfResponses {

    private PdfResponses() {
    }

    public static ResponseEntity<byte[]> inline(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(fileName).build().toString())
                .body(content);
    }
}
