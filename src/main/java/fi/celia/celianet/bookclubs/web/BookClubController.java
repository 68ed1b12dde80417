package fi.celia.celianet.bookclubs.web;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.bookclubs.BookClubRefusal;
import fi.celia.celianet.bookclubs.BookClubs;
import fi.celia.celianet.bookclubs.Club;
import fi.celia.celianet.bookclubs.ClubDetails;
import fi.celia.celianet.bookclubs.ClubFormat;
import fi.celia.celianet.bookclubs.Shipment;
import fi.celia.celianet.bookclubs.internal.ShipmentExports;
import fi.celia.celianet.calendar.Dates;
import fi.celia.celianet.shared.FieldProblems;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Clubs, their calendars, shipments and production exports: service staff only. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class BookClubController {

    /** The shipment page lists at most this many members; the exports hold them all. */
    static final int PAGE_MEMBERS = 500;

    private final BookClubs clubs;
    private final ShipmentExports exports;
    private final MessageSource messages;
    private final AuditLog audit;

    BookClubController(BookClubs clubs, ShipmentExports exports, MessageSource messages, AuditLog audit) {
        this.clubs = clubs;
        this.exports = exports;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/bookclubs")
    String list(Model model) {
        model.addAttribute("clubs", clubs.all());
        model.addAttribute("membersCounted", clubs.membersCounted());
        return "bookclubs/list";
    }

    @GetMapping("/bookclubs/new")
    String newClub(Model model) {
        model.addAttribute("form", new ClubForm());
        model.addAttribute("formats", ClubFormat.values());
        return "bookclubs/club-form";
    }

    @PostMapping("/bookclubs")
    String create(
            @Valid @ModelAttribute("form") ClubForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("formats", ClubFormat.values());
            return "bookclubs/club-form";
        }
        Club club = clubs.create(
                new ClubDetails(
                        form.getNameFi(),
                        form.getNameSv(),
                        form.getNameEn(),
                        form.getDescriptionFi(),
                        form.getDescriptionSv(),
                        form.getDescriptionEn(),
                        form.getFormat(),
                        form.getLeadTimeDays(),
                        form.getBooksPerShipment()),
                user.username());
        redirect.addFlashAttribute("flashMessage", "bookclubs.club.created");
        return "redirect:/bookclubs/" + club.id();
    }

    @GetMapping("/bookclubs/{clubId}")
    String club(@PathVariable UUID clubId, Model model) {
        Club club = clubs.find(clubId).orElseThrow(NotFoundException::new);
        var form = new CalendarForm();
        form.setLeadTimeDays(String.valueOf(club.leadTimeDays()));
        form.setVersion(club.version());
        model.addAttribute("calendarForm", form);
        return clubPage(club, model);
    }

    @PostMapping("/bookclubs/{clubId}/calendar")
    String generate(
            @PathVariable UUID clubId,
            @Valid @ModelAttribute("calendarForm") CalendarForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect) {
        Club club = clubs.find(clubId).orElseThrow(NotFoundException::new);
        LocalDate first = Dates.parse(form.getFirstDelivery());
        Integer months = number(form.getMonths());
        Integer lead = number(form.getLeadTimeDays());
        if (!errors.hasFieldErrors("firstDelivery") && first == null) {
            errors.rejectValue("firstDelivery", "bookclubs.calendar.error.firstDelivery");
        }
        if (!errors.hasFieldErrors("months") && months == null) {
            errors.rejectValue("months", "bookclubs.calendar.error.monthsNumber");
        }
        if (!errors.hasFieldErrors("leadTimeDays") && lead == null) {
            errors.rejectValue("leadTimeDays", "bookclubs.calendar.error.leadTimeNumber");
        }
        if (!errors.hasErrors()) {
            try {
                List<Shipment> added =
                        clubs.generateMonthlyCalendar(clubId, form.getVersion(), first, months, lead, user.username());
                redirect.addFlashAttribute(
                        "flashMessage",
                        added.isEmpty() ? "bookclubs.calendar.nothingAdded" : "bookclubs.calendar.generated");
                return "redirect:/bookclubs/" + clubId;
            } catch (BookClubRefusal refusal) {
                FieldProblems.reject(errors, refusal.problem());
            }
        }
        return clubPage(club, model);
    }

    @GetMapping("/bookclubs/{clubId}/shipments/{shipmentId}")
    String shipment(@PathVariable UUID clubId, @PathVariable UUID shipmentId, Model model) {
        Club club = clubs.find(clubId).orElseThrow(NotFoundException::new);
        Shipment shipment = clubs.findShipment(clubId, shipmentId).orElseThrow(NotFoundException::new);
        var form = new ShipmentForm();
        form.setDeliveryDate(shipment.deliveryDate().toString());
        form.setTitles(shipment.titles());
        form.setVersion(shipment.version());
        model.addAttribute("form", form);
        return shipmentPage(club, shipment, model);
    }

    @PostMapping("/bookclubs/{clubId}/shipments/{shipmentId}")
    String updateShipment(
            @PathVariable UUID clubId,
            @PathVariable UUID shipmentId,
            @Valid @ModelAttribute("form") ShipmentForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect) {
        Club club = clubs.find(clubId).orElseThrow(NotFoundException::new);
        Shipment shipment = clubs.findShipment(clubId, shipmentId).orElseThrow(NotFoundException::new);
        LocalDate delivery = Dates.parse(form.getDeliveryDate());
        if (!errors.hasFieldErrors("deliveryDate") && delivery == null) {
            errors.rejectValue("deliveryDate", "bookclubs.shipment.error.deliveryDate");
        }
        if (!errors.hasErrors()) {
            try {
                clubs.updateShipment(
                        clubId, shipmentId, form.getVersion(), delivery, form.getTitles(), user.username());
                redirect.addFlashAttribute("flashMessage", "bookclubs.shipment.saved");
                return "redirect:/bookclubs/" + clubId + "/shipments/" + shipmentId;
            } catch (BookClubRefusal refusal) {
                FieldProblems.reject(errors, refusal.problem());
            }
        }
        return shipmentPage(club, shipment, model);
    }

    @GetMapping("/bookclubs/{clubId}/shipments/{shipmentId}/members.csv")
    ResponseEntity<StreamingResponseBody> csv(
            @PathVariable UUID clubId, @PathVariable UUID shipmentId, @AuthenticationPrincipal StaffPrincipal user) {
        Shipment shipment = clubs.findShipment(clubId, shipmentId).orElseThrow(NotFoundException::new);
        audit.success(user.username(), AuditEvent.BOOKCLUB_MEMBERS_CSV, "CLUB_SHIPMENT", shipmentId, null);
        var locale = LocaleContextHolder.getLocale();
        List<String> header = List.of("patronNumber", "name", "street", "postalCode", "city", "language").stream()
                .map(k -> messages.getMessage("bookclubs.csv." + k, null, locale))
                .toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("members-" + shipment.deliveryDate() + ".csv")
                                .build()
                                .toString())
                .body(out -> exports.writeCsv(shipmentId, header, out));
    }

    @GetMapping("/bookclubs/{clubId}/shipments/{shipmentId}/labels.pdf")
    ResponseEntity<StreamingResponseBody> labels(
            @PathVariable UUID clubId, @PathVariable UUID shipmentId, @AuthenticationPrincipal StaffPrincipal user) {
        Shipment shipment = clubs.findShipment(clubId, shipmentId).orElseThrow(NotFoundException::new);
        audit.success(user.username(), AuditEvent.BOOKCLUB_LABELS_PDF, "CLUB_SHIPMENT", shipmentId, null);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("labels-" + shipment.deliveryDate() + ".pdf")
                                .build()
                                .toString())
                .body(out -> exports.writeLabels(shipmentId, out));
    }

    /** A whole number as typed; null when it is none. */
    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String clubPage(Club club, Model model) {
        model.addAttribute("club", club);
        model.addAttribute("membersCounted", clubs.membersCounted(club.id()));
        model.addAttribute("shipments", clubs.shipments(club.id()));
        model.addAttribute("shipmentsCounted", clubs.shipmentsCounted(club.id()));
        model.addAttribute("maxMonths", BookClubs.MAX_CALENDAR_MONTHS);
        return "bookclubs/club";
    }

    private String shipmentPage(Club club, Shipment shipment, Model model) {
        model.addAttribute("club", club);
        model.addAttribute("shipment", shipment);
        model.addAttribute("shipmentsCounted", shipment.frozen() ? null : clubs.shipmentsCounted(club.id()));
        model.addAttribute(
                "members", shipment.frozen() ? exports.firstMembers(shipment.id(), PAGE_MEMBERS) : List.of());
        model.addAttribute("pageMembers", PAGE_MEMBERS);
        return "bookclubs/shipment";
    }
}
