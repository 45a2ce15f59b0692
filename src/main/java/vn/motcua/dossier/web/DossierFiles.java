package vn.motcua.dossier.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierView;
import vn.motcua.platform.web.UserFacingException;

/** What the dossier pages share: file downloads. */
@Component
class DossierFiles {

    ResponseEntity<byte[]> download(DossierView dossier, long fileId, byte[] content) {
        DossierView.FileInfo info = dossier.files().stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("dossier.fileNotFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(info.contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(info.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
