package vn.motcua.web;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Permission;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.security.AccessRules;

/** The back office's landing page: who is signed in, where they work, and the tools their roles open. */
@Controller
class BackOfficeHome {

    private final OrganizationService organization;

    BackOfficeHome(OrganizationService organization) {
        this.organization = organization;
    }

    @Bean
    static AccessRules backOfficeAccess() {
        return rules -> rules.requestMatchers("/quan-tri").hasAuthority(Permission.BACK_OFFICE.name());
    }

    @GetMapping("/quan-tri")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("staff", organization.staffMember(user.getUsername())
                .flatMap(s -> organization.agency(s.agencyCode())).orElse(null));
        model.addAttribute("canManageCatalog", user.has(Permission.CATALOG_MANAGE));
        return "web/back-office";
    }
}
