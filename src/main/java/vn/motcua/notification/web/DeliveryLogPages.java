package vn.motcua.notification.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.dossier.DossierQueries;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.notification.internal.DeliveryLog;
import vn.motcua.notification.internal.DeliveryState;
import vn.motcua.notification.internal.NotificationChannel;
import vn.motcua.platform.web.UserFacingException;

/**
 * The delivery log: a dossier's, for the officials who may see the dossier (another agency's get 404, as for the
 * dossier itself), and the province administrator's whole log filtered by period, channel and state, without the
 * messages' texts (administrators configure, they do not read dossiers).
 */
@Controller
class DeliveryLogPages {

    private static final List<DateTimeFormatter> DATE_INPUTS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final DeliveryLog log;
    private final DossierQueries dossiers;
    private final Actors actors;

    DeliveryLogPages(DeliveryLog log, DossierQueries dossiers, Actors actors) {
        this.log = log;
        this.dossiers = dossiers;
        this.actors = actors;
    }

    @GetMapping("/quan-tri/ho-so/{code}/thong-bao")
    String ofDossier(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        dossiers.requireVisible(code, actors.of(user));
        model.addAttribute("code", code);
        model.addAttribute("deliveries", log.ofDossier(code));
        return "notification/dossier-log";
    }

    /** What the filter form holds, as written, so that it is shown again as it was. */
    record Query(String from, String to, String channel, String state) {
    }

    @GetMapping("/quan-tri/nhat-ky-thong-bao")
    String all(@RequestParam(name = "tu", defaultValue = "") String from,
               @RequestParam(name = "den", defaultValue = "") String to,
               @RequestParam(name = "kenh", defaultValue = "") String channel,
               @RequestParam(name = "trangThai", defaultValue = "") String state, Model model) {
        DeliveryLog.Filter filter = new DeliveryLog.Filter(date(from), date(to),
                choice(NotificationChannel.class, channel), choice(DeliveryState.class, state));
        model.addAttribute("q", new Query(from, to, channel, state));
        model.addAttribute("channels", NotificationChannel.values());
        model.addAttribute("states", DeliveryState.values());
        model.addAttribute("deliveries", log.search(filter));
        model.addAttribute("limit", DeliveryLog.LIMIT);
        return "notification/log";
    }

    private static LocalDate date(String written) {
        if (written.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATE_INPUTS) {
            try {
                return LocalDate.parse(written.strip(), format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        throw UserFacingException.badRequest("notification.log.badDate", written);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String written) {
        if (written.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, written.strip());
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest("notification.log.badChoice", written);
        }
    }
}
