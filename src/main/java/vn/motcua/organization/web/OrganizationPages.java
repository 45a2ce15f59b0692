package vn.motcua.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.AdminScope;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.Counter;
import vn.motcua.organization.OrganizationAdministration;
import vn.motcua.organization.OrganizationProblem;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffChange;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/** The back office's organisation pages: the agency tree, an agency with its counters and staff, a merger. */
@Controller
@RequestMapping("/quan-tri/to-chuc")
class OrganizationPages {

    private final OrganizationService organization;
    private final OrganizationAdministration admin;
    private final AccountService accounts;
    private final MessageSource messages;
    private final Clock clock;

    OrganizationPages(OrganizationService organization, OrganizationAdministration admin, AccountService accounts,
                      MessageSource messages, Clock clock) {
        this.organization = organization;
        this.admin = admin;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    /** The editors' form objects have public fields; bind them directly. */
    @org.springframework.web.bind.annotation.InitBinder("form")
    void bindFields(org.springframework.web.bind.WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    /** An agency in the tree with its depth, for indentation. */
    record TreeRow(Agency agency, int depth) {
    }

    @GetMapping
    String tree(@AuthenticationPrincipal CurrentUser user, Model model) {
        AdminScope scope = admin.scopeOf(user);
        model.addAttribute("rows", rows(scope));
        model.addAttribute("wholeProvince", scope.wholeProvince());
        return "organization/admin/tree";
    }

    private List<TreeRow> rows(AdminScope scope) {
        Map<String, Agency> byCode = organization.agenciesByCode();
        List<TreeRow> rows = new ArrayList<>();
        for (Agency a : organization.agencies()) {
            if (scope.covers(a.code())) {
                int depth = 0;
                for (Agency p = byCode.get(a.parentCode()); p != null && scope.covers(p.code()); p = byCode.get(p.parentCode())) {
                    depth++;
                }
                rows.add(new TreeRow(a, Math.min(depth, 6)));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ an agency

    @GetMapping("/{code}")
    String agency(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        AdminScope scope = admin.scopeOf(user);
        Agency agency = admin.agencyInScope(scope, code);
        model.addAttribute("agency", agency);
        model.addAttribute("parent", organization.agency(agency.parentCode()).orElse(null));
        model.addAttribute("successor", agency.successorCode() == null ? null
                : organization.agency(organization.currentSuccessor(agency.code())).orElse(null));
        model.addAttribute("merged", organization.agencies().stream()
                .filter(a -> agency.code().equals(a.successorCode())).toList());
        model.addAttribute("children", organization.agencies().stream()
                .filter(a -> agency.code().equals(a.parentCode())).toList());
        model.addAttribute("counters", organization.counters(agency.code()));
        model.addAttribute("staff", organization.staffOf(List.of(agency.code())));
        return "organization/admin/agency";
    }

    @GetMapping("/moi")
    String create(@RequestParam(name = "cha", required = false) String parent, @AuthenticationPrincipal CurrentUser user,
                  Model model) {
        AgencyForm form = new AgencyForm();
        // A parent outside the administrator's scope is not offered, as if it did not exist (saving would refuse it).
        form.parentCode = parent == null || parent.isBlank() ? null : admin.agencyInScope(admin.scopeOf(user), parent).code();
        form.kind = AgencyKind.COMMUNE.name();
        form.effectiveFrom = LocalDate.now(clock.withZone(VietnamTime.ZONE)).toString();
        return agencyEditor(model, form, true);
    }

    @GetMapping("/{code}/sua")
    String edit(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        return agencyEditor(model, AgencyForm.of(admin.agencyInScope(admin.scopeOf(user), code)), false);
    }

    @PostMapping
    String save(@ModelAttribute("form") AgencyForm form, @RequestParam(defaultValue = "false") boolean isNew,
                @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                RedirectAttributes redirect, Locale locale) {
        try {
            Agency agency = form.toAgency(isNew ? null : organization.agency(form.code).orElse(null));
            admin.saveAgency(admin.scopeOf(user), agency, isNew);
            redirect.addFlashAttribute("saved", messages.getMessage("org.agency.saved", new Object[]{agency.code()}, locale));
            return "redirect:/quan-tri/to-chuc/" + agency.code();
        } catch (OrganizationProblem e) {
            model.addAttribute("problem", message(e, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return agencyEditor(model, form, isNew);
        }
    }

    private String agencyEditor(Model model, AgencyForm form, boolean isNew) {
        model.addAttribute("form", form);
        model.addAttribute("isNew", isNew);
        model.addAttribute("kinds", AgencyKind.values());
        return "organization/admin/agency-edit";
    }

    // ------------------------------------------------------------------ counters

    @PostMapping("/{code}/quay")
    String addCounter(@PathVariable String code, @RequestParam(required = false) String number,
                      @RequestParam(required = false) String name, @AuthenticationPrincipal CurrentUser user,
                      RedirectAttributes redirect, Locale locale) {
        admin.addCounter(admin.scopeOf(user), code, FormValues.number(number), name);
        return savedTo(code, redirect, "org.counter.saved", locale);
    }

    @PostMapping("/{code}/quay/{number}")
    String renameCounter(@PathVariable String code, @PathVariable int number,
                         @RequestParam(required = false) String name, @AuthenticationPrincipal CurrentUser user,
                         RedirectAttributes redirect, Locale locale) {
        admin.renameCounter(admin.scopeOf(user), code, counter(code, number).id(), name);
        return savedTo(code, redirect, "org.counter.saved", locale);
    }

    @PostMapping("/{code}/quay/{number}/xoa")
    String removeCounter(@PathVariable String code, @PathVariable int number,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        admin.removeCounter(admin.scopeOf(user), code, counter(code, number).id());
        return savedTo(code, redirect, "org.counter.removed", locale);
    }

    private Counter counter(String code, int number) {
        return organization.counters(code).stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("org.counter.notFound", number));
    }

    // ------------------------------------------------------------------ staff

    @GetMapping("/{code}/can-bo/moi")
    String newStaff(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        AdminScope scope = admin.scopeOf(user);
        StaffForm form = new StaffForm();
        form.agencyCode = admin.agencyInScope(scope, code).code();
        return staffEditor(model, scope, form, true);
    }

    @GetMapping("/{code}/can-bo/{username}")
    String editStaff(@PathVariable String code, @PathVariable String username, @AuthenticationPrincipal CurrentUser user,
                     Model model) {
        AdminScope scope = admin.scopeOf(user);
        admin.agencyInScope(scope, code);
        StaffMember staff = organization.staffMember(username).filter(s -> s.agencyCode().equals(code))
                .orElseThrow(() -> UserFacingException.notFound("org.staff.notFound", username));
        StaffForm form = StaffForm.of(staff, accounts.roles(username), organization.counters(code));
        accounts.profile(username).ifPresent(p -> form.fullName = p.fullName());
        return staffEditor(model, scope, form, false);
    }

    @PostMapping("/{code}/can-bo")
    String saveStaff(@PathVariable String code, @ModelAttribute("form") StaffForm form,
                     @RequestParam(defaultValue = "false") boolean isNew, @AuthenticationPrincipal CurrentUser user,
                     Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        AdminScope scope = admin.scopeOf(user);
        admin.agencyInScope(scope, code);
        try {
            StaffChange change = form.toChange();
            if (isNew && organization.staffMember(change.username()).isPresent()) {
                throw new OrganizationProblem("org.staff.duplicate", change.username());
            }
            admin.saveStaff(scope, change);
            redirect.addFlashAttribute("saved", messages.getMessage("org.staff.saved", new Object[]{change.username()}, locale));
            return "redirect:/quan-tri/to-chuc/" + change.agencyCode();
        } catch (OrganizationProblem e) {
            model.addAttribute("problem", message(e, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return staffEditor(model, scope, form, isNew);
        }
    }

    private String staffEditor(Model model, AdminScope scope, StaffForm form, boolean isNew) {
        model.addAttribute("form", form);
        model.addAttribute("isNew", isNew);
        model.addAttribute("agencies", rows(scope).stream().map(TreeRow::agency).filter(a -> a.effectiveTo() == null).toList());
        model.addAttribute("counters", form.agencyCode == null ? List.of() : organization.counters(form.agencyCode));
        EnumSet<Role> grantable = EnumSet.noneOf(Role.class);
        grantable.addAll(scope.grantable());
        model.addAttribute("grantable", grantable);
        return "organization/admin/staff-edit";
    }

    // ------------------------------------------------------------------ merger

    @GetMapping("/sap-nhap")
    String mergeForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("agencies", rows(admin.scopeOf(user)).stream().map(TreeRow::agency)
                .filter(a -> a.effectiveTo() == null).toList());
        return "organization/admin/merge";
    }

    @PostMapping("/sap-nhap")
    String merge(@RequestParam(name = "merged", required = false) List<String> merged,
                 @RequestParam(name = "successor", required = false) String successor,
                 @RequestParam(name = "lastDay", required = false) String lastDay,
                 @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
                 RedirectAttributes redirect, Locale locale) {
        try {
            admin.merge(admin.scopeOf(user), merged == null ? List.of() : merged, successor, FormValues.date(lastDay));
        } catch (OrganizationProblem e) {
            model.addAttribute("problem", message(e, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return mergeForm(user, model);
        }
        return savedTo(successor, redirect, "org.merge.done", locale);
    }

    private String savedTo(String code, RedirectAttributes redirect, String key, Locale locale) {
        redirect.addFlashAttribute("saved", messages.getMessage(key, null, locale));
        return "redirect:/quan-tri/to-chuc/" + code;
    }

    private String message(UserFacingException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), locale);
    }
}
