package vn.motcua.integration.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.PostalChoice;
import vn.motcua.integration.PostalService;
import vn.motcua.integration.Shipment;
import vn.motcua.integration.ShipmentKind;
import vn.motcua.integration.ShipmentStatus;
import vn.motcua.platform.web.InvalidInputException;
import vn.motcua.platform.web.PageActions;

/**
 * The applicant's postal choice on their dossier page (the panel {@code integration/postal :: panel(code)}): plain
 * form posts that come back to the dossier page with a message or the problems, next to what was typed.
 */
@Controller
class PostalPages {

    private final PostalService postal;
    private final MessageSource messages;
    private final PageActions pageActions;

    PostalPages(PostalService postal, MessageSource messages, PageActions pageActions) {
        this.postal = postal;
        this.messages = messages;
        this.pageActions = pageActions;
    }

    @PostMapping("/ho-so/{code}/buu-chinh")
    String choose(@PathVariable String code, @RequestParam(name = "kind", required = false) List<String> kinds,
                  @RequestParam(name = "recipientName", required = false) String recipientName,
                  @RequestParam(name = "phone", required = false) String phone,
                  @RequestParam(name = "address", required = false) String address,
                  @RequestParam(name = "note", required = false) String note,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        PostalChoice choice = new PostalChoice(kinds(kinds), recipientName, phone, address, note);
        return back(code, redirect, locale).correcting(InvalidInputException.class).keeping("postalForm", choice)
                .act("postalMessages", () ->
                        outcome(choice.kinds(), postal.choose(code, user, choice, locale), locale));
    }

    @PostMapping("/ho-so/{code}/buu-chinh/huy")
    String cancel(@PathVariable String code, @RequestParam("kind") ShipmentKind kind,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, Locale locale) {
        return back(code, redirect, locale).act("postalMessages", () -> {
            postal.cancel(code, kind, user);
            return List.of(message("postal.cancelled", locale, message("postal.kind." + kind, locale)));
        });
    }

    /** Back to the panel on the dossier page; a dossier the person may not see stays "not found" or "forbidden". */
    private PageActions.Ending back(String code, RedirectAttributes redirect, Locale locale) {
        return pageActions.back("/ho-so-cua-toi/" + code + "#buu-chinh", redirect, locale).problemsAs("postalProblems")
                .throwing(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    }

    /** What became of each kind asked for: booked with its number, waiting, or to be retried. */
    private List<String> outcome(Set<ShipmentKind> kinds, List<Shipment> shipments, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (ShipmentKind kind : kinds) {
            shipments.reversed().stream().filter(s -> s.kind() == kind).findFirst().ifPresent(s -> {
                String what = message("postal.kind." + kind, locale);
                if (s.status() == ShipmentStatus.BOOKING_FAILED) {
                    lines.add(message("postal.outcome.retry", locale, what));
                } else if (s.status() == ShipmentStatus.REQUESTED) {
                    lines.add(message(kind == ShipmentKind.DELIVERY ? "postal.outcome.waiting" : "postal.outcome.retry",
                            locale, what));
                } else {
                    lines.add(message("postal.outcome.booked", locale, what, s.trackingNumber()));
                }
            });
        }
        return lines;
    }

    private static Set<ShipmentKind> kinds(List<String> names) {
        Set<ShipmentKind> kinds = EnumSet.noneOf(ShipmentKind.class);
        if (names != null) {
            for (String name : names) {
                try {
                    kinds.add(ShipmentKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    // not a kind: as if nothing was ticked
                }
            }
        }
        return kinds;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
