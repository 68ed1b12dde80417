package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.PostalAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a registration and an edit share, each problem on the form field it concerns and with its own message:
 * a patron with the CD clubs needs a postal address, credentials need somewhere to go, a contact person needs a
 * name, and a patron under {@value #GUARDIAN_AGE} needs a guardian who consented.
 */
final class PatronRules {

    static final int GUARDIAN_AGE = 15;
    static final String IN_PERSON = "IN_PERSON";
    static final String CONTACT = "CONTACT";

    private PatronRules() {}

    /**
     * @param paperCredentials whether the credentials go on paper (handed over in person)
     * @param birthDate        the patron's birth date, null when unknown
     */
    static List<FieldProblem> check(PatronDetails d, boolean paperCredentials, LocalDate birthDate, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean toContact = CONTACT.equals(d.credentialsTo());
        if (toContact && blank(d.contactEmail())) {
            problems.add(new FieldProblem("contactEmail", "patrons.form.error.contactEmailForCredentials"));
        }
        if (d.serviceOnline() && blank(d.email()) && !paperCredentials && !toContact) {
            problems.add(new FieldProblem("email", "patrons.form.error.emailForOnline"));
        }
        if (d.serviceCdClubs()) {
            PostalAddress address = d.postalAddress();
            if (blank(PostalAddress.streetOf(address))) {
                problems.add(new FieldProblem("streetAddress", "patrons.form.error.addressForCd"));
            }
            if (blank(PostalAddress.postalCodeOf(address))) {
                problems.add(new FieldProblem("postalCode", "patrons.form.error.postalCodeForCd"));
            }
            if (blank(PostalAddress.cityOf(address))) {
                problems.add(new FieldProblem("city", "patrons.form.error.cityForCd"));
            }
        }
        if ((!blank(d.contactPhone()) || !blank(d.contactEmail()) || !blank(d.contactRelation()))
                && blank(d.contactName())) {
            problems.add(new FieldProblem("contactName", "patrons.form.error.contactName"));
        }
        if (underGuardianAge(birthDate, today)) {
            if (blank(d.guardianName())) {
                problems.add(new FieldProblem("guardianName", "patrons.form.error.guardianName"));
            }
            if (blank(d.guardianPhone()) && blank(d.guardianEmail())) {
                problems.add(new FieldProblem("guardianPhone", "patrons.form.error.guardianContact"));
            }
            if (!d.guardianConsent()) {
                problems.add(new FieldProblem("guardianConsent", "patrons.form.error.guardianConsent"));
            }
        }
        return problems;
    }

    /** A patron with neither service has nothing to be registered for. */
    static void requireService(PatronDetails d, List<FieldProblem> problems) {
        if (!d.serviceOnline() && !d.serviceCdClubs()) {
            problems.add(new FieldProblem("services", "patrons.form.error.services"));
        }
    }

    static boolean underGuardianAge(LocalDate birthDate, LocalDate today) {
        return birthDate != null && birthDate.plusYears(GUARDIAN_AGE).isAfter(today);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
