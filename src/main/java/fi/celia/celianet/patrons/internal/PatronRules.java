package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.PostalAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a registration and an edit share, each problem on the form field it concerns and with its own message
 * (one problem per field): a patron with the CD clubs or credentials by letter needs a postal address, credentials
 * by e-mail need the recipient's address, the printed letter is handed over only in person, a contact person needs
 * a name, and a patron under {@value #GUARDIAN_AGE} needs a guardian who consented.
 */
final class PatronRules {

    static final int GUARDIAN_AGE = 15;
    static final String IN_PERSON = "IN_PERSON";
    static final String EMAIL = "EMAIL";
    static final String LETTER = "LETTER";
    static final String PHONE = "PHONE";
    static final String PATRON = "PATRON";
    static final String CONTACT = "CONTACT";
    static final String GUARDIAN = "GUARDIAN";

    private PatronRules() {}

    /**
     * @param channel   how the patron was registered (IN_PERSON, PHONE, REMOTE); null when unknown
     * @param birthDate the patron's birth date, null when unknown
     */
    static List<FieldProblem> check(PatronDetails d, String channel, LocalDate birthDate, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String by = d.credentialsBy() == null ? EMAIL : d.credentialsBy();
        boolean byEmail = EMAIL.equals(by);
        boolean minor = underGuardianAge(birthDate, today);
        if (IN_PERSON.equals(by) && channel != null && !IN_PERSON.equals(channel)) {
            problems.add(new FieldProblem("credentialsBy", "patrons.form.error.paperOnlyInPerson"));
        }
        if (GUARDIAN.equals(d.credentialsTo()) && byEmail && !minor) {
            problems.add(new FieldProblem("credentialsTo", "patrons.form.error.guardianOnlyForMinors"));
        }
        if (byEmail && CONTACT.equals(d.credentialsTo()) && blank(d.contactEmail())) {
            problems.add(new FieldProblem("contactEmail", "patrons.form.error.contactEmailForCredentials"));
        }
        if (byEmail && GUARDIAN.equals(d.credentialsTo()) && minor && blank(d.guardianEmail())) {
            problems.add(new FieldProblem("guardianEmail", "patrons.form.error.guardianEmailForCredentials"));
        }
        boolean toPatron = d.credentialsTo() == null || PATRON.equals(d.credentialsTo());
        if (d.serviceOnline() && blank(d.email()) && byEmail && toPatron) {
            problems.add(new FieldProblem("email", "patrons.form.error.emailForOnline"));
        }
        boolean letter = LETTER.equals(by);
        if (d.serviceCdClubs() || letter) {
            PostalAddress address = d.postalAddress();
            String why = d.serviceCdClubs() ? "Cd" : "Letter";
            if (blank(PostalAddress.streetOf(address))) {
                problems.add(new FieldProblem("streetAddress", "patrons.form.error.addressFor" + why));
            }
            if (blank(PostalAddress.postalCodeOf(address))) {
                problems.add(new FieldProblem("postalCode", "patrons.form.error.postalCodeFor" + why));
            }
            if (blank(PostalAddress.cityOf(address))) {
                problems.add(new FieldProblem("city", "patrons.form.error.cityFor" + why));
            }
        }
        if ((!blank(d.contactPhone()) || !blank(d.contactEmail()) || !blank(d.contactRelation()))
                && blank(d.contactName())) {
            problems.add(new FieldProblem("contactName", "patrons.form.error.contactName"));
        }
        if (minor) {
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
