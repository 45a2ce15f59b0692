package vn.motcua.dossier.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierDrafts;
import vn.motcua.dossier.DossierHandling;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.InvalidDossierException;
import vn.motcua.dossier.Upload;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.platform.web.PageActions;
import vn.motcua.platform.web.PdfResponses;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.result.ResultService;

/**
 * The applicant's side: start a dossier from a procedure, fill it in over three steps (information, documents,
 * review) with a draft saved at each, submit it, follow it, send a supplement, withdraw it.
 */
@Controller
class ApplicantPages {

    private final Actors actors;
    private final DossierQueries dossiers;
    private final DossierDrafts drafts;
    private final DossierHandling handling;
    private final CatalogService catalog;
    private final DossierFiles files;
    private final DossierForms forms;
    private final ResultService results;
    private final DossierPanels panels;
    private final PageActions pageActions;

    private final MessageSource messages;

    ApplicantPages(Actors actors, DossierQueries dossiers, DossierDrafts drafts, DossierHandling handling,
                   CatalogService catalog, DossierFiles files, DossierForms forms, ResultService results,
                   DossierPanels panels, PageActions pageActions, MessageSource messages) {
        this.actors = actors;
        this.messages = messages;
        this.pageActions = pageActions;
        this.panels = panels;
        this.results = results;
        this.forms = forms;
        this.dossiers = dossiers;
        this.drafts = drafts;
        this.handling = handling;
        this.catalog = catalog;
        this.files = files;
    }

    @GetMapping("/nop-ho-so/{procedureCode}")
    String start(@PathVariable String procedureCode, @AuthenticationPrincipal CurrentUser user, Model model) {
        Procedure procedure = procedure(procedureCode);
        model.addAttribute("procedure", procedure);
        model.addAttribute("drafts", dossiers.mine(actor(user)).stream()
                .filter(d -> d.status() == DossierStatus.DRAFT && d.procedureCode().equals(procedureCode)).toList());
        return "dossier/start";
    }

    @PostMapping("/nop-ho-so/{procedureCode}")
    String createDraft(@PathVariable String procedureCode, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        long id = drafts.createDraft(procedureCode, actor(user), locale);
        return "redirect:/ho-so-cua-toi/nhap/" + id;
    }

    @GetMapping("/ho-so-cua-toi/nhap/{id}")
    String draft(@PathVariable long id, @RequestParam(name = "buoc", defaultValue = "1") int step,
                 @AuthenticationPrincipal CurrentUser user, Model model) {
        Actor applicant = actor(user);
        DossierView draft = drafts.draft(id, applicant);
        Procedure procedure = procedure(draft.procedureCode());
        model.addAttribute("id", id);
        model.addAttribute("draft", draft);
        model.addAttribute("procedure", procedure);
        List<Agency> agencies = dossiers.possibleAgencies(procedure);
        model.addAttribute("agencies", agencies);
        model.addAttribute("agencyName", agencies.stream().filter(a -> a.code().equals(draft.competentAgency()))
                .map(Agency::name).findFirst().orElse(null));
        model.addAttribute("fileCounts", draft.files().stream().filter(f -> f.documentIndex() != null)
                .collect(Collectors.groupingBy(DossierView.FileInfo::documentIndex, Collectors.counting())));
        int shownStep = Math.max(1, Math.min(3, step));
        model.addAttribute("step", shownStep);
        // The information step shows the panels above the documents (the residence address from the population
        // database), the documents step those of each document (the stored documents that fit); the review none.
        model.addAttribute("panels", shownStep < 3 ? panels.of(draft, applicant, DossierPanel.Page.DRAFT)
                : new DossierPanels.PagePanels(List.of()));
        return "dossier/draft";
    }

    @PostMapping("/ho-so-cua-toi/nhap/{id}/thong-tin")
    String saveInformation(@PathVariable long id, @RequestParam Map<String, String> form,
                           @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        List<String> problems = drafts.saveDraft(id, actor(user), form.get("coQuan"), form, locale);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            return "redirect:/ho-so-cua-toi/nhap/" + id + "?buoc=1";
        }
        return "redirect:/ho-so-cua-toi/nhap/" + id + "?buoc=2";
    }

    /** Each required document has its own file input, named {@code doc<N>}; several may be sent at once. */
    @PostMapping("/ho-so-cua-toi/nhap/{id}/giay-to")
    String uploadDocuments(@PathVariable long id, MultipartHttpServletRequest request,
                           @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, MultipartFile> entry : request.getFileMap().entrySet()) {
            MultipartFile file = entry.getValue();
            if (file.isEmpty() || !entry.getKey().matches("doc\\d+")) {
                continue;
            }
            int index = Integer.parseInt(entry.getKey().substring(3));
            try {
                drafts.addDraftFile(id, actor(user), new Upload(index, file.getOriginalFilename(), file.getBytes(),
                        false), locale);
            } catch (InvalidDossierException e) {
                problems.addAll(e.problems());
            }
        }
        redirect.addFlashAttribute("problems", problems);
        return "redirect:/ho-so-cua-toi/nhap/" + id + "?buoc=" + ("tiep".equals(request.getParameter("di")) && problems.isEmpty() ? 3 : 2);
    }

    /** What removing the attachment does, and a button that does it: the confirmation works without a script. */
    @GetMapping("/ho-so-cua-toi/nhap/{id}/xoa-tep/{fileId}")
    String confirmRemoveFile(@PathVariable long id, @PathVariable long fileId, @AuthenticationPrincipal CurrentUser user,
                             Model model, Locale locale) {
        DossierView draft = drafts.draft(id, actor(user));
        String name = draft.files().stream().filter(f -> f.id() == fileId).findFirst()
                .map(DossierView.FileInfo::fileName)
                .orElseThrow(() -> UserFacingException.notFound("error.notFound"));
        model.addAttribute("title", messages.getMessage("dossier.removeFile.title", new Object[]{name}, locale));
        model.addAttribute("consequence", messages.getMessage("dossier.removeFile.consequence", null, locale));
        model.addAttribute("confirmLabel", messages.getMessage("dossier.removeFile", null, locale));
        model.addAttribute("action", "/ho-so-cua-toi/nhap/" + id + "/xoa-tep/" + fileId);
        model.addAttribute("cancel", "/ho-so-cua-toi/nhap/" + id + "?buoc=2");
        return "confirm";
    }

    @PostMapping("/ho-so-cua-toi/nhap/{id}/xoa-tep/{fileId}")
    String removeFile(@PathVariable long id, @PathVariable long fileId,
                      @RequestParam(name = "xacNhan", defaultValue = "false") boolean confirmed,
                      @AuthenticationPrincipal CurrentUser user) {
        if (!confirmed) {
            throw UserFacingException.badRequest("confirm.missing");
        }
        drafts.removeDraftFile(id, actor(user), fileId);
        return "redirect:/ho-so-cua-toi/nhap/" + id + "?buoc=2";
    }

    @GetMapping("/ho-so-cua-toi/nhap/{id}/tep/{fileId}")
    ResponseEntity<byte[]> draftFile(@PathVariable long id, @PathVariable long fileId,
                                     @AuthenticationPrincipal CurrentUser user) {
        DossierView draft = drafts.draft(id, actor(user));
        return files.download(draft, fileId, drafts.draftFileContent(id, fileId, actor(user)));
    }

    @PostMapping("/ho-so-cua-toi/nhap/{id}/xoa")
    String deleteDraft(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        drafts.deleteDraft(id, actor(user));
        return "redirect:/ho-so-cua-toi";
    }

    @PostMapping("/ho-so-cua-toi/nhap/{id}/nop")
    String submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect,
                  Locale locale) {
        try {
            DossierView submitted = drafts.submit(id, actor(user), locale);
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/ho-so-cua-toi/" + submitted.code();
        } catch (InvalidDossierException e) {
            redirect.addFlashAttribute("problems", e.problems());
            return "redirect:/ho-so-cua-toi/nhap/" + id + "?buoc=3";
        }
    }

    @GetMapping("/ho-so-cua-toi")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("dossiers", dossiers.mine(actor(user)));
        return "dossier/mine";
    }

    @GetMapping("/ho-so-cua-toi/{code}")
    String dossier(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        Actor applicant = actor(user);
        DossierView view = dossiers.view(code, applicant);
        model.addAttribute("dossier", view);
        model.addAttribute("panels", panels.of(view, applicant, DossierPanel.Page.APPLICANT));
        model.addAttribute("procedure", catalog.procedure(view.procedureCode()).orElse(null));
        model.addAttribute("results", results.ofDossier(view.code()));
        model.addAttribute("forms", forms.available(view).stream().filter(n -> !"06".equals(n)).toList());
        return "dossier/applicant-view";
    }

    @PostMapping("/ho-so-cua-toi/{code}/bo-sung")
    String supplement(@PathVariable String code, @RequestParam(name = "note", required = false) String note,
                      @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                      @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale)
            throws IOException {
        List<Upload> sent = new ArrayList<>();
        for (MultipartFile file : uploads == null ? List.<MultipartFile>of() : uploads) {
            if (!file.isEmpty()) {
                sent.add(new Upload(null, file.getOriginalFilename(), file.getBytes(), false));
            }
        }
        return pageActions.back("/ho-so-cua-toi/" + code, redirect, locale).correcting(InvalidDossierException.class)
                .act(() -> handling.supplement(code, note, sent, actor(user), locale));
    }

    @PostMapping("/ho-so-cua-toi/{code}/rut")
    String withdraw(@PathVariable String code, @RequestParam(name = "note", required = false) String note,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return pageActions.back("/ho-so-cua-toi/" + code, redirect, locale).act(() ->
                handling.act(code, DossierAction.WITHDRAW, ActionRequest.note(note), actor(user), null, locale));
    }

    /** The official forms the applicant receives (01 to 05); the control sheet (06) is internal. */
    @GetMapping("/ho-so-cua-toi/{code}/mau/{number}.pdf")
    ResponseEntity<byte[]> form(@PathVariable String code, @PathVariable String number,
                                @AuthenticationPrincipal CurrentUser user) {
        if ("06".equals(number)) {
            throw UserFacingException.notFound("dossier.form.notAvailable", number);
        }
        DossierView view = dossiers.view(code, actor(user));
        return PdfResponses.inline("mau-" + number + "-" + code + ".pdf",
                forms.render(view, catalog.procedure(view.procedureCode()).orElse(null), number));
    }

    @GetMapping("/ho-so-cua-toi/{code}/tep/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable long fileId,
                                @AuthenticationPrincipal CurrentUser user) {
        DossierView view = dossiers.view(code, actor(user));
        return files.download(view, fileId, dossiers.fileContent(code, fileId, actor(user)));
    }

    private Procedure procedure(String code) {
        return catalog.procedure(code).orElseThrow(() -> UserFacingException.notFound("procedure.notFound", code));
    }

    private Actor actor(CurrentUser user) {
        return actors.of(user);
    }
}
