package vn.motcua.dossier.web;

import static vn.motcua.platform.text.Texts.blank;
import static vn.motcua.platform.text.Texts.blankToNull;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DeadlineDigests;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierAssignments;
import vn.motcua.dossier.DossierHandling;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.InboxFilter;
import vn.motcua.dossier.InvalidDossierException;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.Upload;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.PageActions;
import vn.motcua.platform.web.PdfResponses;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.result.ResultService;

/** The one-stop back office: the inbox, a dossier with its actions, and reception at the counter. */
@Controller
class BackOfficeDossierPages {

    private final Actors actors;
    private final MessageSource messages;
    private final DossierQueries dossiers;
    private final DossierHandling handling;
    private final DossierIntake intake;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final DossierFiles files;
    private final DossierForms forms;
    private final ResultService results;
    private final DossierReads reads;
    private final DossierPanels panels;
    private final PageActions pageActions;
    private final OfficialDesk desk;
    private final DossierAssignments assignments;
    private final Clock clock;
    private final DeadlineDigests deadlines;

    BackOfficeDossierPages(Actors actors, DossierQueries dossiers, DossierHandling handling, DossierIntake intake,
                           CatalogService catalog, OrganizationService organization, DossierFiles files,
                           DossierForms forms, ResultService results, DossierReads reads, DossierPanels panels,
                           PageActions pageActions, OfficialDesk desk, DossierAssignments assignments, Clock clock,
                           DeadlineDigests deadlines, MessageSource messages) {
        this.messages = messages;
        this.actors = actors;
        this.deadlines = deadlines;
        this.desk = desk;
        this.assignments = assignments;
        this.pageActions = pageActions;
        this.panels = panels;
        this.reads = reads;
        this.results = results;
        this.forms = forms;
        this.dossiers = dossiers;
        this.handling = handling;
        this.intake = intake;
        this.catalog = catalog;
        this.organization = organization;
        this.files = files;
        this.clock = clock;
    }

    @GetMapping("/quan-tri/ho-so")
    String inbox(@RequestParam(name = "q", required = false) String query,
                 @RequestParam(name = "thuTuc", required = false) String procedure,
                 @RequestParam(name = "trangThai", required = false) DossierStatus status,
                 @RequestParam(name = "kenh", required = false) Channel channel,
                 @RequestParam(name = "tatCa", defaultValue = "false") boolean all,
                 @RequestParam(name = "giaoChoToi", defaultValue = "false") boolean assignedToMe,
                 @AuthenticationPrincipal CurrentUser user, Model model) {
        Actor actor = actors.of(user);
        List<DossierSummary> found = dossiers.inbox(actor,
                new InboxFilter(!all, procedure, status, channel, query, assignedToMe));
        model.addAttribute("dossiers", found);
        model.addAttribute("assignees", assignments.assigneeNames(found.stream().map(DossierSummary::id).toList()));
        model.addAttribute("assignedToMe", assignedToMe);
        model.addAttribute("reminders", deadlines.of(actor));
        model.addAttribute("agency", organization.agency(actor.agencyCode()).orElse(null));
        model.addAttribute("q", query);
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("all", all);
        model.addAttribute("procedure", procedure);
        return "dossier/inbox";
    }

    @GetMapping("/quan-tri/ho-so/{code}")
    String dossier(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        Actor actor = actors.of(user);
        DossierView view = dossiers.view(code, actor);
        reads.viewed(view, actor);
        model.addAttribute("dossier", view);
        model.addAttribute("desk", desk.of(view, actor, locale));
        model.addAttribute("movesOnAtReception", view.may(DossierAction.RECEIVE) && handling.movesOnAtReception(code));
        model.addAttribute("nextCandidates", view.may(DossierAction.FORWARD) || view.may(DossierAction.APPROVE)
                ? assignments.nextCandidates(code, actor) : List.of());
        model.addAttribute("panels", panels.of(view, actor, DossierPanel.Page.OFFICIAL));
        model.addAttribute("procedure", catalog.procedure(view.procedureCode()).orElse(null));
        model.addAttribute("agencies", organization.agenciesByCode());
        model.addAttribute("results", results.ofDossier(view.code()));
        model.addAttribute("mayRevoke", user.has(Permission.APPROVE_DOSSIER));
        model.addAttribute("forms", forms.available(view));
        model.addAttribute("transferTargets", organization.activeAgencies().stream()
                .filter(a -> a.kind() != AgencyKind.SERVICE_CENTRE && !a.code().equals(view.currentAgency())).toList());
        return "dossier/official-view";
    }

    /** One form per action on the dossier page; the action's name comes with the button pressed. */
    @PostMapping("/quan-tri/ho-so/{code}/thao-tac")
    String act(@PathVariable String code, @RequestParam("action") DossierAction action,
               @RequestParam(name = "note", required = false) String note,
               @RequestParam(name = "items", required = false) String items,
               @RequestParam(name = "targetAgency", required = false) String targetAgency,
               @RequestParam(name = "newDueDate", required = false) LocalDate newDueDate,
               @RequestParam(name = "returnMethod", required = false) String returnMethod,
               @RequestParam(name = "file", required = false) MultipartFile file,
               @RequestParam(name = "xacNhan", defaultValue = "false") boolean confirmed,
               @RequestParam(name = "signerName", required = false) String signerName,
               @RequestParam(name = "signerTitle", required = false) String signerTitle,
               @RequestParam(name = "nguoiXuLyTiep", required = false) String nextAssignee,
               @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) throws IOException {
        List<String> itemList = items == null ? List.of() : Arrays.stream(items.split("\\R")).toList();
        ActionRequest request = new ActionRequest(note, itemList, targetAgency,
                newDueDate == null ? null : newDueDate.atTime(LocalTime.of(16, 0)).atZone(VietnamTime.ZONE).toInstant(),
                returnMethod, signerName, signerTitle, nextAssignee);
        Upload upload = file == null || file.isEmpty() ? null
                : new Upload(null, file.getOriginalFilename(), file.getBytes(), false);
        return pageActions.back("/quan-tri/ho-so/" + code, redirect, locale).correcting(InvalidDossierException.class)
                .throwing(HttpStatus.NOT_FOUND).act("done", () -> {
                    if (action == DossierAction.REFUSE && !confirmed) {
                        // Refusing ends the dossier: the box "Tôi xác nhận…" must be ticked, with or without a script.
                        throw UserFacingException.badRequest("dossier.refuse.unconfirmed");
                    }
                    handling.act(code, action, request, actors.of(user), upload, locale);
                    return action.name();
                });
    }

    @GetMapping("/quan-tri/ho-so/{code}/tep/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable long fileId,
                                @AuthenticationPrincipal CurrentUser user) {
        Actor actor = actors.of(user);
        DossierView view = dossiers.view(code, actor);
        byte[] content = dossiers.fileContent(code, fileId, actor);
        reads.file(view, actor, fileId);
        return files.download(view, fileId, content);
    }

    @GetMapping("/quan-tri/ho-so/{code}/mau/{number}.pdf")
    ResponseEntity<byte[]> form(@PathVariable String code, @PathVariable String number,
                                @AuthenticationPrincipal CurrentUser user) {
        Actor actor = actors.of(user);
        DossierView view = dossiers.view(code, actor);
        byte[] pdf = forms.render(view, catalog.procedure(view.procedureCode()).orElse(null), number);
        reads.form(view, actor, number);
        return PdfResponses.inline("mau-" + number + "-" + code + ".pdf", pdf);
    }

    /** Form 07, the dossier log of the officer's agency for a period (this month by default). */
    @GetMapping("/quan-tri/so-theo-doi")
    ResponseEntity<byte[]> dossierLog(@RequestParam(name = "tu", required = false) LocalDate from,
                                      @RequestParam(name = "den", required = false) LocalDate to,
                                      @AuthenticationPrincipal CurrentUser user) {
        Actor actor = actors.of(user);
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start) || start.plusYears(1).isBefore(end)) {
            throw UserFacingException.badRequest("dossier.log.period");
        }
        String counter = organization.staffMember(user.getUsername()).map(s -> s.counterId()).flatMap(id ->
                organization.counters(actor.agencyCode()).stream().filter(c -> c.id() == id).findFirst())
                .map(c -> c.name()).orElse(organization.agency(actor.agencyCode()).map(a -> a.name()).orElse(""));
        reads.dossierLog(actor, start + ".." + end);
        return PdfResponses.inline("so-theo-doi-" + start + "-" + end + ".pdf", forms.dossierLog(actor.agencyCode(),
                counter, start, end, dossiers.receivedBetween(actor, start, end)));
    }

    // ------------------------------------------------------------------ reception at the counter

    @GetMapping("/quan-tri/tiep-nhan")
    String chooseProcedure(@RequestParam(name = "q", defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", q.isBlank() ? List.of() : catalog.search(q, 20));
        return "dossier/counter-choose";
    }

    @GetMapping("/quan-tri/tiep-nhan/{procedureCode}")
    String counterForm(@PathVariable String procedureCode, @AuthenticationPrincipal CurrentUser user, Model model) {
        Procedure procedure = catalog.procedure(procedureCode)
                .orElseThrow(() -> UserFacingException.notFound("procedure.notFound", procedureCode));
        model.addAttribute("procedure", procedure);
        model.addAttribute("agencies", dossiers.possibleAgencies(procedure));
        model.addAttribute("ownAgency", actors.of(user).agencyCode());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        return "dossier/counter-form";
    }

    /**
     * Creates and receives a walk-in applicant's dossier: the form's fields, the applicant's particulars, one file
     * input per required document ({@code doc<N>}) with a box saying it was scanned from paper ({@code digitised<N>}), and for a conditional document a box saying
     * it was received on paper without a scan ({@code paper<N>}).
     */
    @PostMapping("/quan-tri/tiep-nhan/{procedureCode}")
    String receiveAtCounter(@PathVariable String procedureCode, MultipartHttpServletRequest request,
                            @RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
                            RedirectAttributes redirect, Locale locale) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (Map.Entry<String, MultipartFile> entry : request.getFileMap().entrySet()) {
            if (entry.getValue().isEmpty() || !entry.getKey().matches("doc\\d+")) {
                continue;
            }
            String index = entry.getKey().substring(3);
            uploads.add(new Upload(Integer.valueOf(index), entry.getValue().getOriginalFilename(),
                    entry.getValue().getBytes(), form.containsKey("digitised" + index)));
        }
        // The applicant's particulars are prefixed so that they never collide with the procedure's own fields.
        Applicant applicant = new Applicant(null, blankToNull(form.get("applicant.fullName")),
                blankToNull(form.get("applicant.idNumber")), blankToNull(form.get("applicant.phone")),
                blankToNull(form.get("applicant.email")), blankToNull(form.get("applicant.address")), null, null);
        Integer sets = form.get("sets") == null || !form.get("sets").matches("\\d{1,2}") ? 1 : Integer.valueOf(form.get("sets"));
        try {
            Set<Integer> onPaper = form.keySet().stream().filter(k -> k.matches("paper\\d{1,3}"))
                    .map(k -> Integer.valueOf(k.substring(5))).collect(Collectors.toSet());
            LocalDate birthDate = birthDate(form.get("applicant.dateOfBirth"), locale);
            DossierIntake.Receipt receipt = intake.create(new NewDossier(procedureCode, form.get("coQuan"), form,
                    applicant, sets, onPaper, birthDate, form.get("identityNote")), uploads, actors.of(user),
                    form.get("idempotencyKey"), locale);
            redirect.addFlashAttribute("received", true);
            return "redirect:/quan-tri/ho-so/" + receipt.code();
        } catch (InvalidDossierException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("values", form);
            return "redirect:/quan-tri/tiep-nhan/" + procedureCode;
        }
    }

    /** The walk-in applicant's birth date as the officer typed it (dd/mm/yyyy, or yyyy-mm-dd); null when blank. */
    private LocalDate birthDate(String text, Locale locale) {
        if (blank(text)) {
            return null;
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
                DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        throw new InvalidDossierException(List.of(messages.getMessage("dossier.applicant.badBirthDate",
                new Object[]{text.strip()}, locale)));
    }
}
