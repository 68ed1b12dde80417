package fi.celia.celianet.patrons.web;

import fi.celia.celianet.audit.AccessPurpose;
import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.maintenance.ServiceClosedException;
import fi.celia.celianet.patrons.internal.DuplicateIdentityCodeException;
import fi.celia.celianet.patrons.internal.KeptSearches;
import fi.celia.celianet.patrons.internal.MailRequestOutcome;
import fi.celia.celianet.patrons.internal.NewPatron;
import fi.celia.celianet.patrons.internal.Patron;
import fi.celia.celianet.patrons.internal.PatronChange;
import fi.celia.celianet.patrons.internal.PatronCredentials;
import fi.celia.celianet.patrons.internal.PatronDataReportPdf;
import fi.celia.celianet.patrons.internal.PatronHistory;
import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronRecords;
import fi.celia.celianet.patrons.internal.PatronRegistration;
import fi.celia.celianet.patrons.internal.PatronRejectedException;
import fi.celia.celianet.patrons.internal.RegistrationResult;
import fi.celia.celianet.patrons.internal.SoftDuplicatesException;
import fi.celia.celianet.patrons.internal.SubmissionTokenReusedException;
import fi.celia.celianet.patrons.spi.PatronPageSection;
import fi.celia.celianet.shared.FieldProblems;
import fi.celia.celianet.shared.FormBinding;
import fi.celia.celianet.staff.OrganisationChoices;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration and the patron page. A saved registration always reads as saved: the success answer is a
 * redirect to the patron page, and a repeated submission (same token) redirects to the same page.
 */
@Controller
class PatronController {

    private static final String FORM = "patrons/form";
    private static final String PAGE = "patrons/show";
    private static final int HISTORY_SIZE = 50;

    private final PatronRegistration registration;
    private final PatronRecords records;
    private final PatronCredentials credentials;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Letters letters;
    private final PatronLifecycle lifecycle;
    private final KeptSearches keptSearches;
    private final List<PatronPageSection> sections;
    private final PatronHistory history;
    private final Clock clock;
    private final String baseUrl;
    private final PatronDataReportPdf dataReport;

    PatronController(
            PatronRegistration registration,
            PatronRecords records,
            PatronCredentials credentials,
            Organisations organisations,
            AuditLog audit,
            Letters letters,
            PatronLifecycle lifecycle,
            KeptSearches keptSearches,
            List<PatronPageSection> sections,
            PatronHistory history,
            Clock clock,
            @Value("${celianet.base-url}") String baseUrl,
            PatronDataReportPdf dataReport) {
        this.dataReport = dataReport;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.registration = registration;
        this.records = records;
        this.credentials = credentials;
        this.organisations = organisations;
        this.audit = audit;
        this.letters = letters;
        this.lifecycle = lifecycle;
        this.keptSearches = keptSearches;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(PatronPageSection::order))
                .toList();
        this.history = history;
        this.clock = clock;
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        FormBinding.emptyAsNull(binder);
    }

    @GetMapping("/patrons/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        var form = new RegistrationForm();
        form.setSubmissionToken(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        return form(user, model);
    }

    @PostMapping("/patrons")
    String register(
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.getSubmissionToken() == null || errors.hasFieldErrors("submissionToken")) {
            form.setSubmissionToken(UUID.randomUUID().toString());
        }
        NewPatron patron = form.toNewPatron(user, errors, organisations::isActive);
        if (errors.hasErrors()) {
            // every problem at once: the registration's rules too, beside what could not be read
            FieldProblems.reject(errors, patron.validate(Helsinki.dateOf(Instant.now(clock)), user.isServiceStaff()));
            return form(user, model);
        }
        try {
            RegistrationResult result =
                    registration.register(patron, form.getSubmissionToken(), form.isConfirmSoftDuplicate(), user);
            redirect.addFlashAttribute("flashMessage", "patrons.registration.saved");
            return "redirect:/patrons/" + result.patronId();
        } catch (PatronRejectedException rejected) {
            FieldProblems.reject(errors, rejected.problems());
            return form(user, model);
        } catch (ServiceClosedException closed) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("closure", closed.notice());
            return form(user, model);
        } catch (DuplicateIdentityCodeException duplicate) {
            // the transaction has rolled back; the winner's row is committed, so its facts can be read now
            response.setStatus(HttpStatus.CONFLICT.value());
            records.registeredFacts(user, duplicate.code()).ifPresent(facts -> model.addAttribute("duplicate", facts));
            errors.rejectValue("hetu", "patrons.hetu.error.alreadyRegistered");
            audit.record(
                    user.username(),
                    AuditEvent.PATRON_REGISTRATION_DUPLICATE,
                    "PATRON",
                    null,
                    AuditOutcome.FAILURE,
                    null,
                    AccessPurpose.REGISTRATION);
            return form(user, model);
        } catch (SoftDuplicatesException similar) {
            model.addAttribute(
                    "softDuplicates",
                    similar.matches().stream()
                            .map(p -> new SoftDuplicate(
                                    p, user.mayActFor(p.organisationId()), organisations.nameOf(p.organisationId())))
                            .toList());
            return form(user, model);
        } catch (SubmissionTokenReusedException reused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            errors.reject("patrons.form.error.tokenReused");
            form.setSubmissionToken(UUID.randomUUID().toString());
            return form(user, model);
        }
    }

    /**
     * The patron page. {@code from} names the kept search whose results linked here, so that "back to search" returns
     * to those results; without it the way back leads to the user's latest kept search.
     */
    @GetMapping("/patrons/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(name = "from", required = false) String from,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model) {
        UUID fromSearch = RegistrationForm.uuid(from);
        model.addAttribute("fromSearch", fromSearch);
        AccessPurpose purpose = fromSearch == null ? AccessPurpose.VIEW : AccessPurpose.SEARCH_RESULT;
        return page(records.view(user, id, purpose), false, model);
    }

    /** Shows the full identity code on the page itself (never in a URL or the session); audited. */
    @PostMapping("/patrons/{id}/reveal")
    String reveal(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user, Model model) {
        return page(records.reveal(user, id), true, model);
    }

    @PostMapping("/patrons/{id}/password-reset")
    String passwordReset(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            MailRequestOutcome outcome = credentials.requestPasswordReset(user, id);
            if (outcome == MailRequestOutcome.RATE_LIMITED) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("actionProblem", "patrons.reset.rateLimited");
                return page(records.open(user, id), false, model);
            }
            if (outcome != MailRequestOutcome.QUEUED) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("actionProblem", "patrons.reset." + outcome.name());
                return page(records.open(user, id), false, model);
            }
            redirect.addFlashAttribute("flashMessage", "patrons.reset." + outcome.name());
            return "redirect:/patrons/" + id;
        } catch (ServiceClosedException closed) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("closure", closed.notice());
            return page(records.open(user, id), false, model);
        }
    }

    @PostMapping("/patrons/{id}/credentials/resend")
    String resend(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        MailRequestOutcome outcome = credentials.resendCredentials(user, id);
        if (outcome != MailRequestOutcome.QUEUED) {
            // a refusal is said as a problem on the page, never as a success message
            response.setStatus(
                    outcome == MailRequestOutcome.RATE_LIMITED
                            ? HttpStatus.TOO_MANY_REQUESTS.value()
                            : HttpStatus.CONFLICT.value());
            model.addAttribute("actionProblem", "patrons.credentials.resend." + outcome.name());
            return page(records.open(user, id), false, model);
        }
        redirect.addFlashAttribute("flashMessage", "patrons.credentials.resend." + outcome.name());
        return "redirect:/patrons/" + id;
    }

    /**
     * Shows a new short code once, to be read out on the phone: the answer to the POST itself (200, not stored
     * anywhere, not cached), so the code never passes through the session or a flash message. Audited.
     */
    @PostMapping("/patrons/{id}/phone-code")
    String phoneCode(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        var issued = credentials.givePhoneCode(user, id);
        if (issued.isEmpty()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("actionProblem", "patrons.phoneCode.refused");
            return page(records.open(user, id), false, model);
        }
        model.addAttribute("phoneCode", issued.get().code());
        model.addAttribute("phoneCodeValidUntil", issued.get().validUntil());
        model.addAttribute("activateUrl", baseUrl + TokenPurpose.PATRON_CODE.path());
        return page(records.open(user, id), false, model);
    }

    /** Asks for a credentials letter to the patron's address; it waits on the letters page until printed. */
    @PostMapping("/patrons/{id}/letters")
    String orderLetter(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!credentials.orderLetter(user, id)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("actionProblem", "patrons.letters.orderRefused");
            return page(records.open(user, id), false, model);
        }
        redirect.addFlashAttribute("flashMessage", "patrons.letters.ordered");
        return "redirect:/patrons/" + id;
    }

    /**
     * The credentials letter handed over in person: a new short code, printed at once in the layout of the posted
     * letters (a PDF, so that printing it prints the letter alone). Never cached; the code is in the PDF only.
     */
    @PostMapping("/patrons/{id}/letter")
    ResponseEntity<byte[]> letter(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user) {
        byte[] pdf = credentials.printInPerson(user, id, printed -> letters.render(List.of(letters.letter(printed))));
        return Letters.pdf(pdf, "credentials-letter.pdf");
    }

    /** The patron's own report of the data held about them, in their language; service staff only, audited. */
    @GetMapping("/patrons/{id}/data-report")
    ResponseEntity<byte[]> dataReport(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user) {
        return Letters.pdf(records.dataReport(user, id, dataReport), "data-report.pdf");
    }

    private String page(Patron patron, boolean revealed, Model model) {
        boolean serviceStaff = currentUserIsServiceStaff();
        model.addAttribute("serviceStaff", serviceStaff);
        model.addAttribute("organisations", OrganisationChoices.of(serviceStaff ? organisations.active() : List.of()));
        model.addAttribute("patron", patron);
        model.addAttribute("revealed", revealed);
        model.addAttribute("organisationName", organisations.nameOf(patron.organisationId()));
        model.addAttribute("credentials", credentials.status(patron));
        model.addAttribute("mayOrderLetter", credentials.mayOrderLetter(patron));
        model.addAttribute("mayGivePhoneCode", credentials.mayGivePhoneCode(patron));
        model.addAttribute("lastTransfer", lifecycle.lastTransfer(patron.id()).orElse(null));
        model.addAttribute("resetMail", credentials.resetMail(patron.id()).orElse(null));
        model.addAttribute("history", history.of(patron.id(), HISTORY_SIZE));
        model.addAttribute("registration", history.registration(patron.id()).orElse(null));
        List<PatronChange> changes = patron.changes();
        model.addAttribute("changes", changes);
        model.addAttribute(
                "changeOrganisations",
                organisations.namesOf(changes.stream()
                        .map(PatronChange::actorOrganisationId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList()));
        StaffPrincipal user = currentUser();
        if (model.getAttribute("fromSearch") == null && user != null) {
            keptSearches.latest(user).ifPresent(key -> model.addAttribute("fromSearch", key));
        }
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(section -> new RenderedSection(section.fragment(), section.model(patron.id(), user)))
                        .toList());
        return PAGE;
    }

    private static boolean currentUserIsServiceStaff() {
        StaffPrincipal user = currentUser();
        return user != null && user.isServiceStaff();
    }

    private static StaffPrincipal currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal user ? user : null;
    }

    private String form(StaffPrincipal user, Model model) {
        model.addAttribute("serviceStaff", user.isServiceStaff());
        model.addAttribute(
                "organisations", OrganisationChoices.of(user.isServiceStaff() ? organisations.active() : List.of()));
        model.addAttribute(
                "ownOrganisation", user.isServiceStaff() ? null : organisations.nameOf(user.organisationId()));
        return FORM;
    }

    record RenderedSection(String fragment, Object data) {}

    record SoftDuplicate(Patron patron, boolean mayOpen, String organisationName) {}
}
