package vn.motcua.dossier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.dossier.DossierView.FileInfo;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.dossier.internal.FileContent;
import vn.motcua.dossier.internal.FormDataCheck;
import vn.motcua.platform.files.FileInspection;
import vn.motcua.platform.files.FileNames;
import vn.motcua.platform.security.Hashes;
import vn.motcua.result.ResultService;
import vn.motcua.result.signing.Verdict;

/** A dossier's files: each upload checked once (content, size, which required document), then stored. */
@Component
class DossierUploads {

    private final DossierRepository dossiers;
    private final ResultService results;
    private final MessageSource messages;
    private final Clock clock;
    private final FormDataCheck formCheck;

    DossierUploads(DossierRepository dossiers, ResultService results, MessageSource messages, Clock clock,
                   FormDataCheck formCheck) {
        this.formCheck = formCheck;
        this.dossiers = dossiers;
        this.results = results;
        this.messages = messages;
        this.clock = clock;
    }

    /** An upload's problems, and the content type its content was found to be when it has none. */
    record FileCheck(List<String> problems, String type) {
    }

    /** Checks and stores the upload; refuses it with its problems. */
    FileInfo store(Dossier d, Procedure procedure, Upload upload, String kind, String username) {
        FileCheck check = check(procedure, upload, LocaleContextHolder.getLocale());
        if (!check.problems().isEmpty()) {
            throw new InvalidDossierException(check.problems());
        }
        return store(d, upload, check.type(), kind, username);
    }

    /** Stores an upload already checked, of the type its check found. */
    FileInfo store(Dossier d, Upload upload, String type, String kind, String username) {
        String sha = Hashes.sha256Hex(upload.content());
        // The name says what the file is: "hoso.pdf.exe" holding a PDF is stored as a PDF's name.
        String name = FileNames.withExtensionOf(FileNames.clean(upload.fileName()), type);
        // A signed PDF from the applicant is checked now, so that officials see the verdict beside the file.
        Verdict verdict = "RESULT".equals(kind) ? null : results.signatureOf(upload.content()).orElse(null);
        String signature = verdict == null ? null : verdict.status().name();
        String signer = verdict == null ? null : verdict.signer();
        long id = dossiers.insertFile(d.id(), upload.documentIndex(), kind, name, type, upload.content(), sha,
                upload.digitised(), upload.fromStore(), username, signature, signer);
        return new FileInfo(id, upload.documentIndex(), kind, name, type, upload.content().length, sha,
                upload.digitised(), clock.instant(), signature, signer);
    }

    List<String> problems(Procedure procedure, Upload upload, Locale locale) {
        return check(procedure, upload, locale).problems();
    }

    /** Parses the upload once (see {@link FileInspection}): what is wrong with it, or what it is. */
    FileCheck check(Procedure procedure, Upload upload, Locale locale) {
        String type = null;
        List<String> problems = new ArrayList<>();
        String name = FileNames.clean(upload.fileName());
        if (upload.content() == null || upload.content().length == 0) {
            problems.add(message("dossier.file.empty", locale, name));
        } else if (upload.content().length > FileContent.MAX_SIZE) {
            problems.add(message("dossier.file.tooLarge", locale, name, FileContent.MAX_SIZE / (1024 * 1024)));
        } else {
            FileInspection.Verdict verdict = FileInspection.inspect(upload.content());
            if (verdict.problem() == FileInspection.Problem.NOT_ACCEPTED) {
                problems.add(message("dossier.file.badType", locale, name));
            } else if (!verdict.accepted()) {
                problems.add(message(verdict.problem().messageKey(), locale, name));
            }
            type = verdict.contentType();
        }
        if (upload.documentIndex() != null
                && (upload.documentIndex() < 0 || upload.documentIndex() >= procedure.documents().size())) {
            problems.add(message("dossier.file.badDocument", locale, name));
        }
        return new FileCheck(problems, type);
    }

    /**
     * The documents the procedure requires of a dossier with these form answers (mandatory ones, and those whose
     * condition the answers meet) that none of the files is.
     */
    List<String> missingDocuments(Procedure procedure, List<FileInfo> files, Map<String, String> answers,
                                  Locale locale) {
        return missing(procedure, files, Set.of(), answers, false, false, locale);
    }

    /**
     * The same, but when {@code heldByStateWaived} (the applicant's identity matched the national population
     * database) without the documents the state already holds ({@link RequiredDocument#heldByState()}).
     */
    List<String> missingDocuments(Procedure procedure, List<FileInfo> files, Map<String, String> answers,
                                  boolean heldByStateWaived, Locale locale) {
        return missing(procedure, files, Set.of(), answers, false, heldByStateWaived, locale);
    }

    /**
     * At the counter, the conditional documents the answers make required that the officer neither scanned nor
     * recorded as received on paper. A mandatory document is the officer's to check on paper, as before.
     */
    List<String> missingConditionalDocuments(Procedure procedure, List<FileInfo> files, Set<Integer> onPaper,
                                             Map<String, String> answers, boolean heldByStateWaived, Locale locale) {
        return missing(procedure, files, onPaper, answers, true, heldByStateWaived, locale);
    }

    private List<String> missing(Procedure procedure, List<FileInfo> files, Set<Integer> onPaper,
                                 Map<String, String> answers, boolean onlyConditional, boolean heldByStateWaived,
                                 Locale locale) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < procedure.documents().size(); i++) {
            RequiredDocument document = procedure.documents().get(i);
            int index = i;
            boolean handedIn = onPaper.contains(index)
                    || files.stream().anyMatch(f -> Integer.valueOf(index).equals(f.documentIndex()));
            if (handedIn || !document.requiredFor(answers) || heldByStateWaived && document.heldByState()) {
                continue;
            }
            if (document.mandatory() && !onlyConditional) {
                problems.add(message("dossier.document.missing", locale, document.name()));
            } else if (!document.mandatory()) {
                problems.add(formCheck.conditionMessage("dossier.document.missingWhen", procedure, document.name(),
                        document.requiredWhen(), locale));
            }
        }
        return problems;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
