package vn.motcua.catalog.web;

import static vn.motcua.platform.text.Texts.blank;
import static vn.motcua.platform.text.Texts.blankToNull;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.InvalidProcedureException;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.catalog.RequiredWhen;
import vn.motcua.catalog.SearchHit;
import vn.motcua.catalog.transfer.CatalogFileException;
import vn.motcua.catalog.transfer.CatalogImports;
import vn.motcua.catalog.transfer.CatalogJson;
import vn.motcua.catalog.transfer.CatalogWorkbook;
import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/** The back office's catalog pages: list, create, edit, import with progress, export. */
@Controller
@RequestMapping("/quan-tri/thu-tuc")
class CatalogAdminPages {

    private final CatalogService catalog;
    private final CatalogImports imports;
    private final CatalogJson json;
    private final CatalogWorkbook workbook;
    private final MessageSource messages;
    private final AuditTrail trail;
    private final Clock clock;

    CatalogAdminPages(CatalogService catalog, CatalogImports imports, CatalogJson json, CatalogWorkbook workbook,
                      MessageSource messages, AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.catalog = catalog;
        this.imports = imports;
        this.json = json;
        this.workbook = workbook;
        this.messages = messages;
        this.clock = clock;
    }

    /** The editor's form object has public fields and nested rows; bind them directly. */
    @InitBinder("form")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(500);
    }

    @GetMapping
    String list(@RequestParam(name = "q", defaultValue = "") String q, Model model) {
        List<ProcedureSummary> procedures = q.isBlank()
                ? catalog.all().stream().map(ProcedureSummary::of).toList()
                : catalog.search(q, 100).stream().map(SearchHit::procedure).toList();
        model.addAttribute("procedures", procedures);
        model.addAttribute("q", q);
        return "catalog/admin/list";
    }

    @GetMapping("/moi")
    String create(Model model) {
        model.addAttribute("form", ProcedureForm.empty());
        model.addAttribute("isNew", true);
        return editor(model);
    }

    @GetMapping("/{code}/sua")
    String edit(@PathVariable String code, Model model) {
        Procedure procedure = catalog.procedure(code)
                .orElseThrow(() -> UserFacingException.notFound("procedure.notFound", code));
        model.addAttribute("form", ProcedureForm.of(procedure));
        model.addAttribute("isNew", false);
        model.addAttribute("announcement", catalog.announcement(code).orElse(null));
        return editor(model);
    }

    @PostMapping
    String save(@ModelAttribute("form") ProcedureForm form, @RequestParam(defaultValue = "false") boolean isNew,
                Model model, RedirectAttributes redirect, Locale locale) {
        Procedure procedure = form.toProcedure();
        try {
            catalog.save(procedure, locale);
        } catch (InvalidProcedureException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("isNew", isNew);
            return editor(model);
        }
        redirect.addFlashAttribute("saved", messages.getMessage("admin.saved", new Object[]{procedure.code()}, locale));
        return "redirect:/quan-tri/thu-tuc/" + procedure.code() + "/sua";
    }

    private String editor(Model model) {
        model.addAttribute("levels", ProcedureLevel.values());
        model.addAttribute("onlineLevels", OnlineLevel.values());
        model.addAttribute("applicantTypes", ApplicantType.values());
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("feeExemptions", FeeExemption.values());
        model.addAttribute("fields", catalog.fields());
        return "catalog/admin/edit";
    }

    @GetMapping("/nhap")
    String importForm(Model model) {
        model.addAttribute("recent", imports.recent(10));
        return "catalog/admin/import";
    }

    @PostMapping("/nhap")
    String startImport(@RequestParam(name = "file", required = false) MultipartFile file,
                       @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            return importError(model, messages.getMessage("admin.import.noFile", null, locale));
        }
        try {
            UUID id = imports.start(file.getOriginalFilename(), file.getBytes(), user.getUsername());
            trail.changed(AuditAction.CATALOG_IMPORTED, "nhap/" + id, file.getOriginalFilename());
            return "redirect:/quan-tri/thu-tuc/nhap/" + id;
        } catch (CatalogFileException e) {
            return importError(model, messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
    }

    private String importError(Model model, String message) {
        model.addAttribute("error", message);
        model.addAttribute("recent", imports.recent(10));
        return "catalog/admin/import";
    }

    @GetMapping("/nhap/{id}")
    String importStatus(@PathVariable UUID id, Model model) {
        CatalogImports.Status status = imports.status(id)
                .orElseThrow(() -> UserFacingException.notFound("catalog.import.notFound"));
        model.addAttribute("status", status);
        if (status.running()) {
            model.addAttribute("refreshSeconds", 1); // a meta refresh: progress moves without any script
        }
        return "catalog/admin/import-status";
    }

    @GetMapping("/xuat.json")
    void exportJson(HttpServletResponse response) throws IOException {
        download(response, "application/json", "json");
        try (OutputStream out = response.getOutputStream()) {
            json.write(catalog.all(), out);
        }
    }

    @GetMapping("/xuat.xlsx")
    void exportWorkbook(HttpServletResponse response) throws IOException {
        download(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        try (OutputStream out = response.getOutputStream()) {
            workbook.write(catalog.all(), out);
        }
    }

    private void download(HttpServletResponse response, String type, String extension) {
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("danh-muc-thu-tuc-" + today + "." + extension).build().toString());
    }

    /** The editor's form: lists are rows of inputs, with a few spare empty rows so that no script is needed. */
    public static class ProcedureForm {
        static final int SPARE_ROWS = 3;

        public String code, name, field, implementingAgency, agencies, processingTime, feeNote, requirements,
                legalBasis, result, steps;
        public ProcedureLevel level;
        public OnlineLevel onlineLevel;
        public Integer processingDays;
        public List<ApplicantType> applicantTypes = new ArrayList<>();
        public List<DocumentRow> documents = new ArrayList<>();
        public List<FeeRow> fees = new ArrayList<>();
        public List<FieldRow> formFields = new ArrayList<>();

        public static class DocumentRow {
            /** requiredWhen: the condition as "field key = value | value", see {@link RequiredWhen#parse}. */
            public String name, template, requiredWhen;
            public Integer originals, copies;
            public boolean mandatory;
            /** Population database part: "Nhà nước đã có", not asked for when the identity check matches. */
            public boolean heldByState;
        }

        public static class FeeRow {
            public String description;
            public Long amount;
            /** Key of the NUMBER form field giving the number of copies; blank for a fixed amount. */
            public String perCopyField;
            public List<FeeExemption> exemptions = new ArrayList<>();
        }

        public static class FieldRow {
            public String key, label, options, profile, requiredWhen;
            public FieldType type;
            public boolean required;
        }

        static ProcedureForm empty() {
            ProcedureForm form = new ProcedureForm();
            form.applicantTypes.add(ApplicantType.CITIZEN);
            form.pad();
            return form;
        }

        static ProcedureForm of(Procedure p) {
            ProcedureForm form = new ProcedureForm();
            form.code = p.code();
            form.name = p.name();
            form.field = p.field();
            form.level = p.level();
            form.implementingAgency = p.implementingAgency();
            form.agencies = String.join(", ", p.agencies());
            form.onlineLevel = p.onlineLevel();
            form.processingDays = p.processingDays();
            form.processingTime = p.processingTime();
            form.feeNote = p.feeNote();
            form.applicantTypes = new ArrayList<>(p.applicantTypes());
            form.requirements = p.requirements();
            form.legalBasis = String.join("\n", p.legalBasis());
            form.result = p.result();
            form.steps = p.steps();
            p.documents().forEach(d -> {
                DocumentRow row = new DocumentRow();
                row.name = d.name();
                row.originals = d.originals();
                row.copies = d.copies();
                row.mandatory = d.mandatory();
                row.template = d.template();
                row.requiredWhen = d.requiredWhen() == null ? null : d.requiredWhen().text();
                row.heldByState = d.heldByState();
                form.documents.add(row);
            });
            p.fees().forEach(f -> {
                FeeRow row = new FeeRow();
                row.description = f.description();
                row.amount = f.amount();
                row.perCopyField = f.perCopyField();
                row.exemptions = new ArrayList<>(f.exemptions().stream().sorted().toList());
                form.fees.add(row);
            });
            p.formFields().forEach(f -> {
                FieldRow row = new FieldRow();
                row.key = f.key();
                row.label = f.label();
                row.type = f.type();
                row.required = f.required();
                row.options = String.join(" | ", f.options());
                row.profile = f.profile();
                row.requiredWhen = f.requiredWhen() == null ? null : f.requiredWhen().text();
                form.formFields.add(row);
            });
            form.pad();
            return form;
        }

        /** Keys of the form's NUMBER fields, offered for a per-copy fee. */
        public List<FieldRow> numberFields() {
            return formFields.stream().filter(f -> f.type == FieldType.NUMBER && !blank(f.key)).toList();
        }

        private void pad() {
            for (int i = 0; i < SPARE_ROWS; i++) {
                documents.add(new DocumentRow());
                fees.add(new FeeRow());
                formFields.add(new FieldRow());
            }
        }

        Procedure toProcedure() {
            List<RequiredDocument> docs = documents.stream()
                    .filter(d -> !blank(d.name))
                    .map(d -> new RequiredDocument(d.name.strip(), orZero(d.originals),
                            orZero(d.copies), d.mandatory, blankToNull(d.template),
                            RequiredWhen.parse(d.requiredWhen), d.heldByState))
                    .toList();
            List<Fee> feeList = fees.stream()
                    .filter(f -> !blank(f.description))
                    .map(f -> new Fee(f.description.strip(), f.amount == null ? 0 : f.amount,
                            blankToNull(f.perCopyField), f.exemptions == null ? Set.of() : Set.copyOf(f.exemptions)))
                    .toList();
            List<FormField> fieldList = formFields.stream()
                    .filter(f -> !blank(f.key) || !blank(f.label))
                    .map(f -> new FormField(blankToNull(f.key), blankToNull(f.label), f.type, f.required,
                            blank(f.options) ? List.of() : Arrays.stream(f.options.split("\\|")).map(String::strip)
                                    .filter(s -> !s.isEmpty()).toList(),
                            blankToNull(f.profile), RequiredWhen.parse(f.requiredWhen)))
                    .toList();
            return new Procedure(blankToNull(code), blankToNull(name), blankToNull(field), level,
                    blankToNull(implementingAgency),
                    lines(agencies, "[,;\\s]+"), onlineLevel, processingDays == null ? -1 : processingDays,
                    blankToNull(processingTime), feeList, blankToNull(feeNote), docs,
                    applicantTypes == null ? List.of() : applicantTypes, blankToNull(requirements),
                    lines(legalBasis, "\\R"), blankToNull(result), blankToNull(steps), fieldList);
        }

        private static List<String> lines(String text, String separator) {
            return blank(text) ? List.of() : Arrays.stream(text.split(separator)).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }

        private static int orZero(Integer i) {
            return i == null ? 0 : i;
        }
    }
}
