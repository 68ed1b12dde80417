package fi.celia.celianet.patrons.web;

import fi.celia.celianet.calendar.Dates;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.internal.PatronList;
import fi.celia.celianet.patrons.internal.PatronListQuery;
import fi.celia.celianet.patrons.internal.PatronListRow;
import fi.celia.celianet.shared.ExcelCsv;
import fi.celia.celianet.shared.FormBinding;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.OrganisationChoices;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organisation's patron list and its export for Excel. Registrars and main users list their own organisation
 * (naming another one is refused with 403); service staff and administrators choose the organisation. The filters
 * travel in the URL, so they hold nothing personal: dates, a status, a credentials state, a service.
 */
@Controller
class PatronListController {

    private final PatronList list;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;
    private final Dates dates;

    PatronListController(
            PatronList list, Organisations organisations, MessageSource messages, Clock clock, Dates dates) {
        this.list = list;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
        this.dates = dates;
    }

    @InitBinder("filter")
    void emptyAsNull(WebDataBinder binder) {
        FormBinding.emptyAsNull(binder);
    }

    @GetMapping("/patrons/list")
    String list(
            @ModelAttribute("filter") PatronListForm filter,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model) {
        query(filter, errors, user).ifPresent(q -> model.addAttribute("result", list.page(user, q, filter.getPage())));
        return view(user, filter, model);
    }

    /**
     * The same list, every page, as CSV for Excel: streamed from the database to the response as it is read.
     * With filters that cannot be used, the list page says why instead.
     */
    @GetMapping("/patrons/list.csv")
    String export(
            @ModelAttribute("filter") PatronListForm filter,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Optional<PatronListQuery> query = query(filter, errors, user);
        if (query.isEmpty()) {
            return view(user, filter, model);
        }
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType(ExcelCsv.MEDIA_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(text("patrons.list.csv.file", locale) + "-"
                                + LocalDate.ofInstant(clock.instant(), Helsinki.ZONE) + ".csv")
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ExcelCsv csv = new ExcelCsv(response.getOutputStream());
        csv.row(Arrays.stream(new String[] {
                    "lastName", "firstName", "number", "registered", "status", "credentials", "services"
                })
                .map(column -> text("patrons.list.csv." + column, locale))
                .toList());
        list.export(user, query.get(), row -> csv.row(cells(row, locale)));
        csv.flush();
        return null;
    }

    private List<String> cells(PatronListRow row, Locale locale) {
        boolean erased = PatronListQuery.Status.ERASED.name().equals(row.status());
        return List.of(
                erased ? "" : row.lastName(),
                erased ? "" : row.firstName(),
                row.patronNumber(),
                dates.date(row.registeredAt()),
                text("patrons.status." + row.status(), locale),
                text("patrons.list.credentials." + row.credentialsState(), locale),
                row.services().stream()
                        .map(s -> text("patrons.list.service." + s, locale))
                        .collect(Collectors.joining(", ")));
    }

    /**
     * The query the filters ask for; empty when a filter is refused (each refusal a field error) or when service
     * staff have not chosen an organisation yet.
     *
     * @throws AccessDeniedException when a registrar or main user names another organisation
     */
    private Optional<PatronListQuery> query(PatronListForm filter, BindingResult errors, StaffPrincipal user) {
        UUID organisation = filter.getOrganisationId();
        if (!user.isServiceStaff()) {
            if (organisation != null && !organisation.equals(user.organisationId())) {
                throw new AccessDeniedException("another organisation's patrons");
            }
            organisation = user.organisationId();
        } else if (organisation != null && organisations.find(organisation).isEmpty()) {
            errors.rejectValue("organisationId", "typeMismatch.enum");
        }
        LocalDate from = date(filter.getFrom(), "from", errors);
        LocalDate to = date(filter.getTo(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.rejectValue("to", "patrons.list.error.toBeforeFrom");
        }
        String credentials = filter.getCredentials();
        if (credentials != null
                && !errors.hasFieldErrors("credentials")
                && !PatronListQuery.credentialsChoices().contains(credentials)) {
            errors.rejectValue("credentials", "typeMismatch.enum");
        }
        if (errors.hasErrors() || organisation == null) {
            return Optional.empty();
        }
        return Optional.of(new PatronListQuery(
                organisation, from, to, filter.getStatus(), credentials, filter.getService(), filter.getSort()));
    }

    private static LocalDate date(String text, String field, BindingResult errors) {
        if (text == null || errors.hasFieldErrors(field)) {
            return null;
        }
        LocalDate date = Dates.parse(text);
        if (date == null) {
            errors.rejectValue(field, "patrons.list.error.date");
        }
        return date;
    }

    private String view(StaffPrincipal user, PatronListForm filter, Model model) {
        boolean serviceStaff = user.isServiceStaff();
        List<Organisation> choices = serviceStaff ? organisations.active() : List.of();
        model.addAttribute("serviceStaff", serviceStaff);
        model.addAttribute("organisations", OrganisationChoices.of(choices));
        model.addAttribute(
                "organisationName",
                serviceStaff
                        ? (filter.getOrganisationId() == null
                                ? null
                                : organisations
                                        .find(filter.getOrganisationId())
                                        .map(Organisation::getName)
                                        .orElse(null))
                        : organisations.nameOf(user.organisationId()));
        model.addAttribute("statuses", PatronListQuery.Status.values());
        model.addAttribute("credentialsChoices", PatronListQuery.credentialsChoices());
        model.addAttribute("services", PatronListQuery.Service.values());
        model.addAttribute("sorts", PatronListQuery.Sort.values());
        model.addAttribute("filterQuery", filterQuery(filter));
        return "patrons/list";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** The filters as URL parameters, only those given, without the page: for the pager and the download link. */
    static String filterQuery(PatronListForm filter) {
        var uri = UriComponentsBuilder.newInstance();
        add(uri, "organisationId", filter.getOrganisationId());
        add(uri, "from", filter.getFrom());
        add(uri, "to", filter.getTo());
        add(uri, "status", filter.getStatus());
        add(uri, "credentials", filter.getCredentials());
        add(uri, "service", filter.getService());
        add(uri, "sort", filter.getSort());
        String query = uri.build().encode().getQuery();
        return query == null ? "" : query;
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value.toString());
        }
    }
}
