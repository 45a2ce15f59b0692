package vn.motcua.workflow.process;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.platform.security.AccessRules;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.workflow.AdministrationScope;
import vn.motcua.workflow.InvalidProcessException;
import vn.motcua.workflow.PaymentStage;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessService;
import vn.motcua.workflow.ProcessStep;
import vn.motcua.workflow.StepAction;
import vn.motcua.workflow.StepPlace;
import vn.motcua.workflow.StepRole;

/**
 * Editing a procedure's internal process in the back office: one row of inputs per step, with spare empty rows so
 * that no script is needed, and when the fees must be paid. Saving makes a new version; dossiers already started keep
 * theirs.
 */
@Controller
class ProcessAdminPage {

    static final int SPARE_ROWS = 2;

    private final ProcessService processes;
    private final CatalogService catalog;
    private final AdministrationScope scope;
    private final MessageSource messages;

    ProcessAdminPage(ProcessService processes, CatalogService catalog, AdministrationScope scope,
                     MessageSource messages) {
        this.processes = processes;
        this.scope = scope;
        this.catalog = catalog;
        this.messages = messages;
    }

    @Bean
    static AccessRules processAccess() {
        return rules -> rules.requestMatchers("/quan-tri/quy-trinh/**").hasAuthority(Permission.PROCESS_MANAGE.name());
    }

    /** A step as the form shows it; the actions as their names. */
    record Row(String name, StepRole role, StepPlace place, String agencyCode, Integer timeShare, Set<String> actions)
            implements java.io.Serializable { // kept in the session (a flash attribute) when the form comes back
    }

    @GetMapping("/quan-tri/quy-trinh/{procedureCode}")
    String edit(@PathVariable String procedureCode, @AuthenticationPrincipal CurrentUser user, Model model) {
        Procedure procedure = procedure(procedureCode);
        scope.requireMayEditProcess(procedureCode, user);
        ProcessDefinition process = processes.current(procedureCode);
        if (!model.containsAttribute("rows")) {
            List<Row> rows = new ArrayList<>();
            process.steps().forEach(s -> rows.add(new Row(s.name(), s.role(), s.place(), s.agencyCode(), s.timeShare(),
                    s.actions().stream().map(Enum::name).collect(Collectors.toSet()))));
            model.addAttribute("rows", pad(rows));
        }
        if (!model.containsAttribute("paymentStage")) {
            model.addAttribute("paymentStage", process.paymentStage());
            model.addAttribute("advanceOnReception", process.advanceOnReception());
        }
        model.addAttribute("procedure", procedure);
        model.addAttribute("process", process);
        model.addAttribute("versions", processes.versions(procedureCode));
        model.addAttribute("roles", StepRole.values());
        model.addAttribute("places", StepPlace.values());
        model.addAttribute("stepActions", StepAction.values());
        model.addAttribute("paymentStages", PaymentStage.values());
        return "workflow/process";
    }

    @PostMapping("/quan-tri/quy-trinh/{procedureCode}")
    String save(@PathVariable String procedureCode, @RequestParam(name = "name", required = false) List<String> names,
                @RequestParam(name = "role", required = false) List<StepRole> roles,
                @RequestParam(name = "place", required = false) List<StepPlace> places,
                @RequestParam(name = "agencyCode", required = false) List<String> agencyCodes,
                @RequestParam(name = "timeShare", required = false) List<String> shares,
                @RequestParam(name = "paymentStage", required = false) PaymentStage paymentStage,
                @RequestParam(name = "advanceOnReception", required = false) Boolean advanceOnReception,
                @RequestParam(name = "advanceOnReceptionShown", defaultValue = "false") boolean advanceShown,
                @RequestParam MultiValueMap<String, String> form,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        procedure(procedureCode);
        scope.requireMayEditProcess(procedureCode, user); // before the form is read: 403, nothing changes
        // A form without the choice (an older page) keeps the stage of the current version.
        PaymentStage stage = paymentStage != null ? paymentStage : processes.current(procedureCode).paymentStage();
        // An unticked box sends nothing: the hidden field tells "unticked" from "not on the page".
        boolean advance = advanceShown ? Boolean.TRUE.equals(advanceOnReception)
                : processes.current(procedureCode).advanceOnReception();
        List<ProcessStep> steps = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int count = names == null ? 0 : names.size();
        for (int i = 0; i < count; i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            Set<StepAction> actions = EnumSet.noneOf(StepAction.class);
            for (String a : form.getOrDefault("actions" + i, List.of())) {
                actions.add(StepAction.valueOf(a));
            }
            String agency = agencyCodes == null || agencyCodes.get(i) == null || agencyCodes.get(i).isBlank() ? null
                    : agencyCodes.get(i).strip();
            Integer share = shares == null || shares.get(i) == null || !shares.get(i).strip().matches("\\d{1,3}") ? null
                    : Integer.valueOf(shares.get(i).strip());
            rows.add(new Row(name, roles.get(i), places.get(i), agency, share,
                    actions.stream().map(Enum::name).collect(Collectors.toSet())));
            if (name.isEmpty()) {
                continue; // an empty name removes the step (and leaves spare rows unused)
            }
            steps.add(new ProcessStep(name, roles.get(i), places.get(i), places.get(i) == StepPlace.AGENCY ? agency : null,
                    share == null ? 0 : share, actions));
        }
        try {
            ProcessDefinition saved = processes.save(procedureCode, steps, stage, advance, user, locale);
            redirect.addFlashAttribute("saved", messages.getMessage("process.saved", new Object[]{saved.version()}, locale));
        } catch (InvalidProcessException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("rows", pad(rows.stream().filter(r -> !r.name().isEmpty()).toList()));
            redirect.addFlashAttribute("paymentStage", stage);
            redirect.addFlashAttribute("advanceOnReception", advance);
        }
        return "redirect:/quan-tri/quy-trinh/" + procedureCode;
    }

    private static List<Row> pad(List<Row> rows) {
        List<Row> padded = new ArrayList<>(rows);
        for (int i = 0; i < SPARE_ROWS; i++) {
            padded.add(new Row("", StepRole.SPECIALIST, StepPlace.COMPETENT, null, 0, Set.of()));
        }
        return padded;
    }

    private Procedure procedure(String code) {
        return catalog.procedure(code).orElseThrow(() -> UserFacingException.notFound("procedure.notFound", code));
    }
}
