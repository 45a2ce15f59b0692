package vn.motcua.dossier.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.dossier.DossierService;

/** Public look-up of a dossier by its code and the last digits of the applicant's phone. */
@Controller
class TrackingPage {

    private final DossierService dossiers;

    TrackingPage(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/tra-cuu")
    String track(@RequestParam(name = "ma", defaultValue = "") String code,
                 @RequestParam(name = "sdt", defaultValue = "") String phone, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("phone", phone);
        model.addAttribute("searched", !code.isBlank());
        if (!code.isBlank()) {
            model.addAttribute("tracking", dossiers.track(code, phone.strip()).orElse(null));
        }
        return "dossier/tracking";
    }
}
