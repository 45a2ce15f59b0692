package vn.motcua.platform.files;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.motcua.platform.files.FileInspection.Problem;
import vn.motcua.platform.files.FileInspection.Verdict;

/**
 * A PDF is accepted when PDFBox loads it, it is not encrypted, has a page, and nothing in it can act when it is
 * opened or clicked: no JavaScript (catalog /OpenAction, additional actions /AA, the /JavaScript name tree, link
 * annotations), no Launch, SubmitForm, ImportData or embedded-go-to actions, no embedded files, no XFA form, no
 * rich media. Every object reachable from the trailer is looked at, wherever it hides.
 */
final class PdfCheck {

    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "SubmitForm", "ImportData",
            "GoToE", "GoToR", "Rendition", "RichMediaExecute", "Sound", "Movie");
    private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.AA, COSName.getPDFName("JavaScript"),
            COSName.EMBEDDED_FILES, COSName.EMBEDDED_FILE, COSName.getPDFName("XFA"),
            COSName.getPDFName("RichMediaContent"), COSName.getPDFName("RichMediaSettings"));
    private static final Set<String> ACTIVE_TYPES = Set.of("EmbeddedFile", "Filespec", "RichMedia", "FileAttachment",
            "Movie", "Sound", "Screen", "3D");

    private PdfCheck() {
    }

    static Verdict inspect(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                return Verdict.refused(Problem.ENCRYPTED);
            }
            if (document.getNumberOfPages() < 1) {
                return Verdict.refused(Problem.NO_PAGES);
            }
            return hasActiveContent(document.getDocument().getTrailer())
                    ? Verdict.refused(Problem.ACTIVE_CONTENT) : Verdict.of(FileInspection.PDF);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            return Verdict.refused(Problem.ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            return Verdict.refused(Problem.UNREADABLE);
        }
    }

    /** Walks the object graph from the trailer, each object once. */
    static boolean hasActiveContent(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> toVisit = new ArrayDeque<>();
        toVisit.push(trailer);
        while (!toVisit.isEmpty()) {
            COSBase next = toVisit.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSDictionary dictionary) {
                if (isActive(dictionary)) {
                    return true;
                }
                dictionary.getValues().forEach(toVisit::push);
            } else if (next instanceof COSArray array) {
                array.forEach(toVisit::push);
            }
        }
        return false;
    }

    private static boolean isActive(COSDictionary dictionary) {
        for (COSName key : dictionary.keySet()) {
            if (ACTIVE_KEYS.contains(key)) {
                return true;
            }
        }
        String action = dictionary.getNameAsString(COSName.S);
        if (action != null && ACTIVE_ACTIONS.contains(action)) {
            return true;
        }
        String type = dictionary.getNameAsString(COSName.TYPE);
        String subtype = dictionary.getNameAsString(COSName.SUBTYPE);
        return type != null && ACTIVE_TYPES.contains(type) || subtype != null && ACTIVE_TYPES.contains(subtype);
    }
}
