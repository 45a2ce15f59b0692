package vn.motcua.dossier.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierHandling;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.Tracking;
import vn.motcua.dossier.Upload;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.PdfResponses;
import vn.motcua.platform.web.UserFacingException;

/** The dossier API: submit, read, list, act, track. Who may do what is checked by the dossier services. */
@RestController
class DossierApi {

    private static final Pattern DOCUMENT_PART = Pattern.compile("documents?\\[?(\\d+)]?");

    private final Actors actors;
    private final DossierQueries dossiers;
    private final DossierHandling handling;
    private final DossierIntake intake;
    private final JsonMapper json;
    private final DossierFiles files;
    private final DossierForms forms;
    private final CatalogService catalog;
    private final DossierReads reads;

    DossierApi(Actors actors, DossierQueries dossiers, DossierHandling handling, DossierIntake intake,
               JsonMapper json, DossierFiles files, DossierForms forms, CatalogService catalog, DossierReads reads) {
        this.actors = actors;
        this.reads = reads;
        this.forms = forms;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.handling = handling;
        this.intake = intake;
        this.json = json;
        this.files = files;
    }

    /** The {@code dossier} part of a submission. */
    record DossierPart(String procedureCode, String agencyCode, Map<String, String> formData, Applicant applicant,
                       Integer sets) {
    }

    record ActionBody(String action, String note, List<String> items, String targetAgency, Instant newDueAt,
                      String returnMethod, String signerName, String signerTitle) {
    }

    record Items<T>(List<T> items) {
    }

    /**
     * Submits a dossier: a {@code dossier} JSON part and one file part per document, named {@code document<N>} for
     * the procedure's N-th required document (from 0). A citizen's dossier waits for reception; a reception
     * officer's is received at once. The same {@code Idempotency-Key} answers the same dossier again.
     */
    @PostMapping(path = "/api/v1/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DossierIntake.Receipt> submit(@RequestPart("dossier") String dossierJson, MultipartHttpServletRequest request,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                   @AuthenticationPrincipal CurrentUser user, Locale locale) throws Exception {
        DossierPart part = json.readValue(dossierJson, DossierPart.class);
        if (part.procedureCode() == null) {
            throw UserFacingException.badRequest("dossier.api.procedureRequired");
        }
        List<Upload> uploads = new ArrayList<>();
        for (Map.Entry<String, List<MultipartFile>> entry : request.getMultiFileMap().entrySet()) {
            Matcher m = DOCUMENT_PART.matcher(entry.getKey());
            Integer index = m.matches() ? Integer.valueOf(m.group(1)) : null;
            for (MultipartFile file : entry.getValue()) {
                uploads.add(new Upload(index, file.getOriginalFilename(), file.getBytes(), false));
            }
        }
        DossierIntake.Receipt receipt = intake.create(new NewDossier(part.procedureCode(), part.agencyCode(),
                part.formData(), part.applicant(), part.sets()), uploads, actor(user), idempotencyKey, locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }

    @GetMapping("/api/v1/dossiers/{code}")
    DossierView dossier(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
        Actor actor = actor(user);
        DossierView view = dossiers.view(code, actor);
        reads.viewed(view, actor);
        return view;
    }

    @GetMapping("/api/v1/dossiers")
    Items<DossierSummary> list(@RequestParam(required = false) DossierStatus status,
                               @RequestParam(required = false) String agency,
                               @AuthenticationPrincipal CurrentUser user) {
        return new Items<>(dossiers.list(actor(user), status, agency == null || agency.isBlank() ? null : agency));
    }

    @PostMapping(path = "/api/v1/dossiers/{code}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    DossierView act(@PathVariable String code, @RequestBody ActionBody body, @AuthenticationPrincipal CurrentUser user,
                    Locale locale) {
        return handling.act(code, action(body), request(body), actor(user), null, locale);
    }

    /** An action with a file: the result document of ISSUE_RESULT, or what a SUPPLEMENT sends. */
    @PostMapping(path = "/api/v1/dossiers/{code}/actions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DossierView actWithFile(@PathVariable String code, @RequestPart("action") String actionJson,
                            @RequestPart(name = "file", required = false) MultipartFile file,
                            @AuthenticationPrincipal CurrentUser user, Locale locale) throws Exception {
        ActionBody body = json.readValue(actionJson, ActionBody.class);
        Upload upload = file == null || file.isEmpty() ? null
                : new Upload(null, file.getOriginalFilename(), file.getBytes(), false);
        return handling.act(code, action(body), request(body), actor(user), upload, locale);
    }

    @GetMapping("/api/v1/dossiers/{code}/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable long id,
                                @AuthenticationPrincipal CurrentUser user) {
        Actor actor = actor(user);
        DossierView view = dossiers.view(code, actor);
        byte[] content = dossiers.fileContent(code, id, actor);
        reads.file(view, actor, id);
        return files.download(view, id, content);
    }

    /** An official form of the dossier as PDF: 01 to 06 (06, the control sheet, for officials only). */
    @GetMapping("/api/v1/dossiers/{code}/forms/{number}")
    ResponseEntity<byte[]> form(@PathVariable String code, @PathVariable String number,
                                @AuthenticationPrincipal CurrentUser user) {
        Actor actor = actor(user);
        if ("06".equals(number) && !actor.isOfficial()) {
            throw UserFacingException.notFound("dossier.form.notAvailable", number);
        }
        DossierView view = dossiers.view(code, actor);
        byte[] pdf = forms.render(view, catalog.procedure(view.procedureCode()).orElse(null), number);
        reads.form(view, actor, number);
        return PdfResponses.inline("mau-" + number + "-" + code + ".pdf", pdf);
    }

    /**
     * Public: status and dates for whoever knows the code and the last digits of the applicant's phone (a few wrong
     * tries per code and per address, then 429 with {@code Retry-After}), or the dossier's own key ({@code ?key=}).
     */
    @GetMapping("/api/v1/tracking/{code}")
    Tracking track(@PathVariable String code, @RequestParam(defaultValue = "") String phone,
                   @RequestParam(defaultValue = "") String key, HttpServletRequest request) {
        Optional<Tracking> tracking = key.isBlank() ? dossiers.track(code, phone, request.getRemoteAddr())
                : dossiers.trackByKey(code, key);
        reads.tracked(code, tracking.isPresent());
        return tracking.orElseThrow(() -> UserFacingException.notFound("dossier.tracking.notFound"));
    }

    private static DossierAction action(ActionBody body) {
        try {
            return DossierAction.valueOf(body.action() == null ? "" : body.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest("dossier.action.unknown", body.action());
        }
    }

    private static ActionRequest request(ActionBody body) {
        return new ActionRequest(body.note(), body.items(), body.targetAgency(), body.newDueAt(), body.returnMethod(),
                body.signerName(), body.signerTitle());
    }

    private Actor actor(CurrentUser user) {
        return actors.of(user);
    }
}
