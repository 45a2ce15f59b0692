package vn.motcua.dossier.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.Tracking;

/** Public look-up of a dossier by its code and the last digits of the applicant's phone. */
@Controller
class TrackingPage {

    private final DossierService dossiers;
    private final DossierReads reads;

    TrackingPage(DossierService dossiers, DossierReads reads) {
        this.dossiers = dossiers;
        this.reads = reads;
    }

    @GetMapping("/tra-cuu")
    String track(@RequestParam(name = "ma", defaultValue = "") String code,
                 @RequestParam(name = "sdt", defaultValue = "") String phone, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("phone", phone);
        model.addAttribute("searched", !code.isBlank());
        if (!code.isBlank()) {
            Tracking tracking = dossiers.track(code, phone.strip()).orElse(null);
            reads.tracked(code, tracking != null);
            model.addAttribute("tracking", tracking);
        }
        return "dossier/tracking";
    }
}
