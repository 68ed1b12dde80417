package fi.celia.celianet.institutions.web;

import fi.celia.celianet.institutions.BusinessId;
import fi.celia.celianet.institutions.InstitutionApplications;
import fi.celia.celianet.institutions.NewApplication;
import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.institutions.TooManyApplicationsException;
import fi.celia.celianet.institutions.internal.AlreadyDecidedException;
import fi.celia.celianet.institutions.internal.Application;
import fi.celia.celianet.institutions.internal.ApplicationDecisions;
import fi.celia.celianet.institutions.internal.ApplicationFigures;
import fi.celia.celianet.institutions.internal.ApplicationQueue;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.maintenance.ServiceClosedException;
import fi.celia.celianet.shared.ClientAddress;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.OrganisationType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public application form and the applicant's tracking page. No sign-in. */
@Controller
class JoinController {

    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    private static final List<OrganisationType> TYPES = List.of(
            OrganisationType.LIBRARY, OrganisationType.SCHOOL, OrganisationType.CARE_HOME, OrganisationType.OTHER);

    private final InstitutionApplications applications;
    private final ApplicationQueue queue;
    private final ApplicationDecisions decisions;
    private final ApplicationFigures figures;
    private final SmartValidator validator;
    private final ServiceAvailability availability;
    private final ClientAddress clientAddress;

    JoinController(
            InstitutionApplications applications,
            ApplicationQueue queue,
            ApplicationDecisions decisions,
            ApplicationFigures figures,
            SmartValidator validator,
            ServiceAvailability availability,
            ClientAddress clientAddress) {
        this.applications = applications;
        this.queue = queue;
        this.decisions = decisions;
        this.figures = figures;
        this.validator = validator;
        this.availability = availability;
        this.clientAddress = clientAddress;
    }

    @ModelAttribute("target")
    int target() {
        return figures.targetWorkingDays();
    }

    /**
     * The applicant chooses the type of the organisation first ({@code ?type=}, a plain GET form, so it works
     * without JavaScript); the form that follows asks only what that type needs: registrars for a library or a
     * school, the reason for a missing business ID for another kind of organisation.
     */
    @GetMapping("/join")
    String form(
            @RequestParam(name = "type", required = false) String chosen,
            @RequestParam(name = "step", required = false) String step,
            Model model) {
        // Said before the applicant fills in the form; the service checks again when it is sent.
        availability
                .closure(ClosableService.INSTITUTION_SIGNUP)
                .ifPresent(closure -> model.addAttribute("closure", closure));
        OrganisationType type = type(chosen);
        if (type == null) {
            var choice = new JoinTypeForm();
            choice.setType(chosen);
            var errors = new BeanPropertyBindingResult(choice, "typeForm");
            // Continue without a choice sends no type at all, only the step: that too is an answer to show.
            if (chosen != null || step != null) {
                errors.rejectValue("type", "institutions.join.error.organisationType");
            }
            model.addAttribute("typeForm", choice);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "typeForm", errors);
            model.addAttribute("types", TYPES);
            model.addAttribute("estimate", figures.estimate());
            return "institutions/join-type";
        }
        var form = new JoinForm();
        form.setSubmissionToken(UUID.randomUUID().toString());
        form.setOrganisationType(type.name());
        if (!allowsRegistrars(type)) {
            form.getRegistrars().clear();
        }
        model.addAttribute("form", form);
        return page(model);
    }

    @PostMapping("/join")
    String submit(
            @ModelAttribute("form") JoinForm form,
            BindingResult errors,
            @RequestParam(name = "addRegistrar", required = false) String addRegistrar,
            @RequestParam(name = "removeRow", required = false) String removeRow,
            @RequestParam(name = "changeType", required = false) String changeType,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (form.getSubmissionToken() == null || form.getSubmissionToken().isBlank()) {
            form.setSubmissionToken(UUID.randomUUID().toString());
        }
        if (addRegistrar != null) {
            if (form.getRegistrars().size() < JoinForm.MAX_REGISTRARS) {
                form.getRegistrars().add(new RegistrarForm());
            }
            model.addAttribute("focusRegistrar", form.getRegistrars().size() - 1);
            return page(model);
        }
        if (removeRow != null) {
            removeRow(form, removeRow);
            return page(model);
        }
        if (changeType != null) {
            OrganisationType type = type(form.getOrganisationType());
            if (type == null) {
                errors.rejectValue("organisationType", "institutions.join.error.organisationType");
            } else if (!allowsRegistrars(type)) {
                form.getRegistrars().clear();
            }
            return page(model);
        }
        if (form.getWebsite() != null && !form.getWebsite().isEmpty()) {
            model.addAttribute("notAccepted", true);
            return page(model);
        }
        validator.validate(form, errors);
        OrganisationType type = type(form.getOrganisationType());
        String businessId = validateBusinessId(form, type, errors);
        List<Registrar> registrars = validateRegistrars(form, type, errors);
        if (errors.hasErrors()) {
            return page(model);
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        try {
            String token = applications.submit(new NewApplication(
                    form.getSubmissionToken().trim(),
                    form.getOrganisationName().trim(),
                    type,
                    businessId,
                    businessId == null ? form.getNoBusinessIdReason().trim() : null,
                    form.getContactName().trim(),
                    form.getEmail().trim(),
                    form.getPhone().trim(),
                    form.postalAddress(),
                    blankToNull(form.getMessage()),
                    LANGUAGES.contains(language) ? language : "fi",
                    clientAddress.of(request),
                    registrars));
            return "redirect:/join/status/" + token;
        } catch (ServiceClosedException closed) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("closure", closed.notice());
            return page(model);
        } catch (TooManyApplicationsException tooMany) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("tooMany", true);
            return page(model);
        }
    }

    /**
     * Takes out the registrar row {@code index} (the row's remove button); the other input is kept. A library or a
     * school always keeps one row to fill in.
     */
    private static void removeRow(JoinForm form, String index) {
        List<RegistrarForm> rows = form.getRegistrars();
        try {
            int i = Integer.parseInt(index);
            if (i >= 0 && i < rows.size()) {
                rows.remove(i);
            }
        } catch (NumberFormatException notARow) {
            // a hand-made request: nothing to remove
        }
        OrganisationType type = type(form.getOrganisationType());
        if (rows.isEmpty() && type != null && allowsRegistrars(type)) {
            rows.add(new RegistrarForm());
        }
    }

    /** More registrar rows than the form ever offers: only a hand-made request does that. */
    @ExceptionHandler(InvalidPropertyException.class)
    String tooManyRows(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        var form = new JoinForm();
        form.setSubmissionToken(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        model.addAttribute("notAccepted", true);
        model.addAttribute("target", figures.targetWorkingDays());
        return page(model);
    }

    @GetMapping("/join/status/{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("app", find(token));
        model.addAttribute("replyForm", new ReplyForm());
        return "institutions/status";
    }

    @PostMapping("/join/status/{token}/reply")
    String reply(
            @PathVariable String token,
            @Valid @ModelAttribute("replyForm") ReplyForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        response.setHeader("Referrer-Policy", "no-referrer");
        Application application = find(token);
        if (errors.hasErrors()) {
            model.addAttribute("app", application);
            return "institutions/status";
        }
        try {
            decisions.reply(token, form.getReply().trim());
            redirect.addFlashAttribute("flashMessage", "institutions.status.replied");
        } catch (AlreadyDecidedException notWaiting) {
            redirect.addFlashAttribute("flashMessage", "institutions.status.noQuestion");
        }
        return "redirect:/join/status/" + token;
    }

    private Application find(String token) {
        return queue.findByTrackingToken(token).orElseThrow(NotFoundException::new);
    }

    /**
     * The form for the type chosen: registrar rows for a library or a school, and, should a request name registrars
     * for another type, those rows too, each with its remove button, so the applicant can take them out.
     */
    private String page(Model model) {
        model.addAttribute("estimate", figures.estimate());
        model.addAttribute("types", TYPES);
        model.addAttribute("maxRegistrars", JoinForm.MAX_REGISTRARS);
        JoinForm form = (JoinForm) model.getAttribute("form");
        OrganisationType type = form == null ? null : type(form.getOrganisationType());
        boolean allowed = type != null && allowsRegistrars(type);
        boolean named = form != null && form.getRegistrars().stream().anyMatch(r -> r != null && !r.isBlank());
        model.addAttribute("registrarsAllowed", allowed);
        model.addAttribute("showRegistrars", allowed || named);
        model.addAttribute(
                "showNoBusinessIdReason",
                type == OrganisationType.OTHER
                        || (form != null
                                && form.getNoBusinessIdReason() != null
                                && !form.getNoBusinessIdReason().isBlank()));
        return "institutions/join";
    }

    private static boolean allowsRegistrars(OrganisationType type) {
        return Application.needsRegistrars(type);
    }

    private static OrganisationType type(String value) {
        try {
            return value == null || value.isBlank() ? null : OrganisationType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the business ID, or null when none is needed (type OTHER with a reason) or the input is wrong */
    private static String validateBusinessId(JoinForm form, OrganisationType type, BindingResult errors) {
        String input = form.getBusinessId();
        boolean blank = input == null || input.isBlank();
        if (blank && type == OrganisationType.OTHER) {
            if (form.getNoBusinessIdReason() == null
                    || form.getNoBusinessIdReason().isBlank()) {
                errors.rejectValue("noBusinessIdReason", "institutions.join.error.noBusinessIdReason");
            }
            return null;
        }
        if (input != null && input.length() > 100) {
            errors.rejectValue("businessId", BusinessId.Problem.FORMAT.messageKey());
            return null;
        }
        var validation = BusinessId.validate(input);
        if (!validation.isValid()) {
            errors.rejectValue("businessId", validation.problem().messageKey());
            return null;
        }
        return validation.value().value();
    }

    private static List<Registrar> validateRegistrars(JoinForm form, OrganisationType type, BindingResult errors) {
        List<Registrar> result = new ArrayList<>();
        List<RegistrarForm> rows = form.getRegistrars();
        if (type == null) {
            return result;
        }
        if (!allowsRegistrars(type)) {
            // Only a library or a school gets registrar accounts: names given for another type are refused, not
            // dropped, so the applicant is never told about invitations that would not come.
            if (rows.stream().anyMatch(row -> row != null && !row.isBlank())) {
                errors.rejectValue("organisationType", "institutions.join.error.registrarsNotAllowed");
            }
            return result;
        }
        for (int i = 0; i < rows.size(); i++) {
            RegistrarForm row = rows.get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            String name = row.getName() == null ? "" : row.getName().trim();
            String email = row.getEmail() == null ? "" : row.getEmail().trim();
            boolean ok = true;
            if (name.isEmpty()) {
                errors.rejectValue("registrars[" + i + "].name", "institutions.join.error.registrarName");
                ok = false;
            } else if (name.length() > 100) {
                errors.rejectValue("registrars[" + i + "].name", "validation.tooLong");
                ok = false;
            } else if (!name.matches("[^\\p{Cntrl}<>]*")) {
                errors.rejectValue("registrars[" + i + "].name", "validation.characters");
                ok = false;
            }
            if (email.length() > 254 || !email.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
                errors.rejectValue("registrars[" + i + "].email", "validation.email");
                ok = false;
            }
            if (ok) {
                result.add(new Registrar(name, email));
            }
        }
        if (result.isEmpty() && !errors.hasFieldErrors("registrars*")) {
            errors.rejectValue("registrars[0].name", "institutions.join.error.registrarsRequired");
            errors.rejectValue("registrars[0].email", "validation.email");
        }
        return result;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
