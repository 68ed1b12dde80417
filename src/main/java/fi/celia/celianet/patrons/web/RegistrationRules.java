package fi.celia.celianet.patrons.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.patrons.internal.NewPatron;
import fi.celia.celianet.staff.StaffPrincipal;
import org.springframework.validation.BindingResult;

/**
 * The registration rules that involve more than one field, each with its own message. Runs after Bean
 * Validation and adds nothing to a field that already has an error, so every field shows one message.
 */
final class RegistrationRules {

    static final int GUARDIAN_AGE = 15;
    private static final Set<String> SERVICES = Set.of("ONLINE", "CD_CLUBS");
    private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private RegistrationRules() {
    }

    /**
     * Checks the form and, when everything is right, returns the patron to save; null when there were errors.
     *
     * @param organisationOk whether the chosen organisation exists and is active (service staff only)
     */
    static NewPatron check(RegistrationForm form, BindingResult errors, StaffPrincipal user, LocalDate today,
            java.util.function.Predicate<UUID> organisationOk) {
        PersonalIdentityCode code = null;
        LocalDate birthDate = null;
        boolean noCode = user.isServiceStaff() && form.isNoIdentityCode();
        if (noCode) {
            if (form.getBirthDate() == null) {
                reject(errors, "birthDate", "patrons.form.error.birthDate");
            } else {
                birthDate = parseDate(form.getBirthDate());
                if (birthDate == null || birthDate.isAfter(today) || birthDate.getYear() < 1850) {
                    reject(errors, "birthDate", "patrons.form.error.birthDate");
                }
            }
            if (form.getNoIdentityCodeReason() == null) {
                reject(errors, "noIdentityCodeReason", "patrons.form.error.noIdentityCodeReason");
            }
        } else if (!errors.hasFieldErrors("hetu")) {
            var validation = PersonalIdentityCode.validate(form.getHetu());
            if (validation.isValid()) {
                code = validation.code();
                birthDate = code.birthDate();
                if (birthDate.isAfter(today)) {
                    reject(errors, "hetu", "patrons.hetu.error.future");
                }
            } else if (validation.problem() == PersonalIdentityCode.Problem.BLANK && !user.isServiceStaff()) {
                reject(errors, "hetu", "patrons.hetu.error.blankReferToCustomerService");
            } else {
                reject(errors, "hetu", validation.problem().messageKey());
            }
        }

        List<String> services = form.getServices() == null ? List.of() : form.getServices();
        if (!errors.hasFieldErrors("services") && !SERVICES.containsAll(services)) {
            reject(errors, "services", "patrons.form.error.services");
        }
        boolean online = services.contains("ONLINE");
        boolean cd = services.contains("CD_CLUBS");
        boolean inPerson = "IN_PERSON".equals(form.getChannel());
        boolean toContact = "CONTACT".equals(form.getCredentialsTo());

        if (form.isPaperCredentials() && !inPerson && !errors.hasFieldErrors("channel")) {
            reject(errors, "paperCredentials", "patrons.form.error.paperOnlyInPerson");
        }
        if (toContact && form.getContactEmail() == null) {
            reject(errors, "contactEmail", "patrons.form.error.contactEmailForCredentials");
        }
        if (online && form.getEmail() == null && !(inPerson && form.isPaperCredentials()) && !toContact) {
            reject(errors, "email", "patrons.form.error.emailForOnline");
        }
        if (cd) {
            if (form.getStreetAddress() == null) {
                reject(errors, "streetAddress", "patrons.form.error.addressForCd");
            }
            if (form.getPostalCode() == null) {
                reject(errors, "postalCode", "patrons.form.error.postalCodeForCd");
            }
            if (form.getCity() == null) {
                reject(errors, "city", "patrons.form.error.cityForCd");
            }
        }
        if ((form.getContactPhone() != null || form.getContactEmail() != null || form.getContactRelation() != null)
                && form.getContactName() == null) {
            reject(errors, "contactName", "patrons.form.error.contactName");
        }
        if (birthDate != null && birthDate.plusYears(GUARDIAN_AGE).isAfter(today)) {
            if (form.getGuardianName() == null) {
                reject(errors, "guardianName", "patrons.form.error.guardianName");
            }
            if (form.getGuardianPhone() == null && form.getGuardianEmail() == null) {
                reject(errors, "guardianPhone", "patrons.form.error.guardianContact");
            }
            if (!form.isGuardianConsent()) {
                reject(errors, "guardianConsent", "patrons.form.error.guardianConsent");
            }
        }

        UUID organisationId = user.organisationId();
        if (user.isServiceStaff()) {
            organisationId = parseUuid(form.getOrganisationId());
            if (!errors.hasFieldErrors("organisationId") && (organisationId == null || !organisationOk.test(organisationId))) {
                reject(errors, "organisationId", "patrons.form.error.organisation");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new NewPatron(code, noCode ? birthDate : null, noCode ? form.getNoIdentityCodeReason() : null,
                form.getFirstName(), form.getLastName(), form.getEmail(), form.getPhone(), form.getStreetAddress(),
                form.getPostalCode(), form.getCity(), form.getLanguage(), form.getChannel(), form.getEligibility(),
                form.isConsent(), online, cd, inPerson && form.isPaperCredentials(), form.getContactName(),
                form.getContactRelation(), form.getContactPhone(), form.getContactEmail(),
                toContact ? "CONTACT" : "PATRON", form.getGuardianName(), form.getGuardianPhone(),
                form.getGuardianEmail(), form.isGuardianConsent(), organisationId);
    }

    private static void reject(BindingResult errors, String field, String key) {
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, key);
        }
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text, FINNISH_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static UUID parseUuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
