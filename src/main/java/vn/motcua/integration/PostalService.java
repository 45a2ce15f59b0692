package vn.motcua.integration;

import static vn.motcua.platform.text.Texts.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Actors;
import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.postal.PostalBookings;
import vn.motcua.integration.postal.PostalGateway;
import vn.motcua.integration.postal.PostalProperties;
import vn.motcua.integration.postal.ShipmentRepository;
import vn.motcua.platform.security.Hashes;
import vn.motcua.platform.web.InvalidInputException;
import vn.motcua.platform.web.UserFacingException;

/**
 * The public postal service (bưu chính công ích) on dossiers: what the applicant may ask for and asks for, what the
 * dossier's viewers see, and what the postal service reports. Who may see a dossier's shipments is who may see the
 * dossier ({@link DossierQueries#view}); only its applicant may ask.
 */
@Service
public class PostalService {

    /** The paper documents can be picked up while the dossier is being handled, not once the result is out. */
    private static final Set<DossierStatus> PICKUP_WHEN = EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.RECEIVED,
            DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED);
    private static final Pattern PHONE = Pattern.compile("(\\+84|84|0)\\d{9,10}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.()\\-]");
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 500;
    private static final int MAX_NOTE = 500;

    private final Actors actors;
    private final ShipmentRepository shipments;
    private final PostalBookings bookings;
    private final PostalGateway gateway;
    private final PostalProperties properties;
    private final DossierQueries dossiers;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    PostalService(Actors actors, ShipmentRepository shipments, PostalBookings bookings, PostalGateway gateway,
                  PostalProperties properties, DossierQueries dossiers, MessageSource messages,
                  TransactionTemplate transactions) {
        this.actors = actors;
        this.shipments = shipments;
        this.bookings = bookings;
        this.gateway = gateway;
        this.properties = properties;
        this.dossiers = dossiers;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** Whether the postal service is connected; without it nothing can be asked for or booked. */
    public boolean available() {
        return gateway.available();
    }

    /** The tariff in VND, paid to the postal service on pickup or delivery. */
    public Map<ShipmentKind, Long> fees() {
        Map<ShipmentKind, Long> fees = new EnumMap<>(ShipmentKind.class);
        fees.put(ShipmentKind.PICKUP, properties.fees().pickup());
        fees.put(ShipmentKind.DELIVERY, properties.fees().delivery());
        return fees;
    }

    /**
     * The postal panel of a dossier for its viewer. Hidden (not an error) for someone who may not see the dossier.
     */
    public PostalPanel panel(String code, CurrentUser user) {
        if (code == null || user == null) {
            return PostalPanel.hidden(code);
        }
        Actor actor = actors.of(user);
        DossierView view;
        try {
            view = dossiers.view(code, actor);
        } catch (UserFacingException e) {
            return PostalPanel.hidden(code);
        }
        return panel(view, actor);
    }

    /** The postal panel of a dossier page, from the view the page loaded for this viewer. */
    public PostalPanel panel(DossierView view, Actor viewer) {
        List<Shipment> list = shipments.ofDossier(view.code());
        boolean owner = !viewer.isOfficial();
        List<ShipmentKind> choosable = owner && available() ? choosable(view, list) : List.of();
        return new PostalPanel(view.code(), true, available(), owner, list, choosable, fees(), form(view, list));
    }

    /** The dossier's shipments with their history, for whoever may see the dossier. */
    public List<Shipment> shipments(String code, CurrentUser user) {
        dossiers.requireVisible(code, actors.of(user));
        return shipments.ofDossier(code);
    }

    /**
     * The applicant asks for a pickup of their paper documents and/or a delivery of the result. A pickup is booked
     * with the postal service at once; a delivery when the result is returned by post. A request not booked yet is
     * changed instead of asked for twice. A booking that fails is retried later and is not an error here.
     *
     * @throws InvalidInputException with every problem in the person's language; nothing was changed
     */
    public List<Shipment> choose(String code, CurrentUser user, PostalChoice choice, Locale locale) {
        DossierView view = ownDossier(code, user);
        if (!available()) {
            throw new UserFacingException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "postal.unavailable");
        }
        List<String> problems = new ArrayList<>();
        String phone = blankToNull(choice.phone());
        String address = blankToNull(choice.address());
        String note = blankToNull(choice.note());
        String name = blankToNull(choice.recipientName());
        if (name == null) {
            name = view.applicant().fullName();
        }
        List<ShipmentKind> choosable = choosable(view, shipments.ofDossier(code));
        if (choice.kinds().isEmpty()) {
            problems.add(message("postal.kind.required", locale));
        }
        for (ShipmentKind kind : choice.kinds()) {
            if (!choosable.contains(kind)) {
                problems.add(message("postal.kind.notNow", locale, message("postal.kind." + kind, locale)));
            }
        }
        if (phone == null) {
            problems.add(message("postal.phone.required", locale));
        } else if (!PHONE.matcher(PHONE_SEPARATORS.matcher(phone).replaceAll("")).matches()) {
            problems.add(message("postal.phone.invalid", locale));
        }
        if (address == null) {
            problems.add(message("postal.address.required", locale));
        } else if (address.length() > MAX_ADDRESS) {
            problems.add(message("postal.address.tooLong", locale, MAX_ADDRESS));
        }
        if (name != null && name.length() > MAX_NAME) {
            problems.add(message("postal.name.tooLong", locale, MAX_NAME));
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(message("postal.note.tooLong", locale, MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String recipient = name == null ? "" : name;
        List<Long> pickups = transactions.execute(status -> {
            shipments.lockDossier(code);
            List<Long> due = new ArrayList<>();
            for (ShipmentKind kind : EnumSet.copyOf(choice.kinds())) {
                boolean now = kind == ShipmentKind.PICKUP;
                long fee = fees().get(kind);
                Optional<Shipment> open = shipments.open(code, kind);
                long id;
                if (open.isEmpty()) {
                    id = shipments.insert(code, kind, recipient, phone, address, note, fee, user.getUsername(), now);
                } else if (open.get().status().unbooked()
                        && shipments.updateUnbooked(open.get().id(), recipient, phone, address, note, fee, now)) {
                    id = open.get().id();
                } else {
                    // Booked (or being booked) since the page was shown.
                    throw new InvalidInputException(List.of(message("postal.kind.booked", locale,
                            message("postal.kind." + kind, locale))));
                }
                if (now) {
                    due.add(id);
                }
            }
            return due;
        });
        pickups.forEach(bookings::bookNow);
        return shipments.ofDossier(code);
    }

    /** The applicant withdraws a request not booked yet. */
    public void cancel(String code, ShipmentKind kind, CurrentUser user) {
        ownDossier(code, user);
        boolean cancelled = Boolean.TRUE.equals(transactions.execute(status -> {
            shipments.lockDossier(code);
            return shipments.open(code, kind).filter(s -> s.status().unbooked())
                    .map(s -> shipments.cancelUnbooked(s.id(), "Người nộp hủy yêu cầu")).orElse(false);
        }));
        if (!cancelled) {
            throw new UserFacingException(HttpStatus.CONFLICT, "not_cancellable", "postal.cancel.notPossible");
        }
    }

    /**
     * Whether a callback carries the shared secret. Compared in constant time (of the hashes, so that not even the
     * length shows); with no secret configured every callback is refused.
     */
    public boolean callbackAuthentic(String token) {
        String expected = properties.callbackToken();
        if (expected == null || expected.isBlank() || token == null) {
            return false;
        }
        return Hashes.sameSecret(token, expected);
    }

    /**
     * Records a status the postal service reported for one of its tracking numbers; the same status at the same
     * time is recorded once. The caller has checked {@link #callbackAuthentic}.
     *
     * @return the shipment afterwards, and whether the report was new
     */
    public Reported statusReported(String trackingNumber, String status, Instant at, String note) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw UserFacingException.badRequest("postal.callback.trackingRequired");
        }
        if (PostalBookings.reported(status).isEmpty()) {
            throw UserFacingException.badRequest("postal.callback.statusUnknown", status);
        }
        Shipment shipment = shipments.findByTrackingNumber(trackingNumber.strip())
                .orElseThrow(() -> UserFacingException.notFound("postal.callback.unknown", trackingNumber));
        boolean recorded = bookings.record(shipment, status, at, note, "CALLBACK");
        return new Reported(shipments.find(shipment.id()).orElseThrow(), recorded);
    }

    /** What a status report did. */
    public record Reported(Shipment shipment, boolean recorded) {
    }

    /** The kinds the applicant may ask for (or change) now, by the dossier's status and what is asked already. */
    private static List<ShipmentKind> choosable(DossierView view, List<Shipment> list) {
        List<ShipmentKind> kinds = new ArrayList<>();
        for (ShipmentKind kind : ShipmentKind.values()) {
            Set<DossierStatus> when = kind == ShipmentKind.PICKUP ? PICKUP_WHEN : DossierStatus.PENDING;
            boolean taken = list.stream().anyMatch(s -> s.kind() == kind && !s.status().ended()
                    && !s.status().unbooked());
            if (when.contains(view.status()) && !taken) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The form's values: the latest request still open, else the applicant's own details on the dossier. */
    private static PostalChoice form(DossierView view, List<Shipment> list) {
        Optional<Shipment> open = list.reversed().stream().filter(s -> s.status().unbooked()).findFirst();
        if (open.isPresent()) {
            Shipment s = open.get();
            Set<ShipmentKind> kinds = EnumSet.noneOf(ShipmentKind.class);
            list.stream().filter(x -> x.status().unbooked()).forEach(x -> kinds.add(x.kind()));
            return new PostalChoice(kinds, s.recipientName(), s.phone(), s.address(), s.note());
        }
        Applicant a = view.applicant();
        return new PostalChoice(Set.of(), a.fullName(), a.phone(), a.address(), null);
    }

    /** The dossier, when the person is its applicant; not found for anyone else, officials included. */
    private DossierView ownDossier(String code, CurrentUser user) {
        Actor actor = actors.of(user);
        DossierView view = dossiers.view(code, actor);
        if (actor.isOfficial()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "postal.ownerOnly");
        }
        return view;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
